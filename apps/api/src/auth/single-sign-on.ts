import * as oidc from 'openid-client';
import { areaSignOn, saveChallenge, takeChallenge, type SignOnSettings } from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * Single sign-on for a council's staff through its own OpenID Connect provider (Entra ID or
 * any other), with openid-client: the authorisation code flow with PKCE, state and nonce.
 * The state, nonce and code verifier wait in the database for the provider to send the
 * person back, so any API process can finish the sign-in.
 */
const RETURN_MINUTES = 10;
const DISCOVERY_CACHE_MS = 10 * 60_000;

const discovered = new Map<string, { config: Promise<oidc.Configuration>; at: number }>();

/** A provider over plain HTTP is accepted only on this machine (a test's provider), never across a network. */
function isLocalHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/** The provider's configuration from its discovery document, reused for ten minutes. */
function configuration(settings: SignOnSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached.config;
  const issuer = new URL(settings.issuer);
  const config = oidc.discovery(
    issuer,
    settings.clientId,
    settings.clientSecret,
    undefined,
    isLocalHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  discovered.set(key, { config, at: Date.now() });
  // A failed discovery is not remembered: the next try asks again.
  config.catch(() => discovered.delete(key));
  return config;
}

/**
 * Where the provider sends the person back: a page of the planner, which hands the answer to
 * `POST /api/sign-on/finish` (so the sign-in ends in the app, in the person's language).
 */
export function callbackUrl(c: Context<AppEnv>): string {
  const origin = c.get('services').publicOrigin ?? new URL(c.req.url).origin;
  return `${origin}/sign-on/callback`;
}

/**
 * The browser that started a sign-on carries its state in a cookie, so a provider's answer
 * is only accepted from the browser that asked for it (no one can sign a person into
 * someone else's account with a link). Lax, not Strict: it must survive the way back from
 * the provider.
 */
export const SIGN_ON_COOKIE = 'pathways_sign_on';

/** Where to send the person to sign in with their council's provider. */
export async function startSignOn(c: Context<AppEnv>, areaId: string): Promise<{ url: URL; state: string } | null> {
  const { db, now } = c.get('services');
  const settings = await areaSignOn(db, areaId);
  if (!settings?.enabled) return null;
  const config = await configuration(settings);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await saveChallenge(db, { id: state, kind: 'sign_on', data: { areaId, verifier, nonce } }, now(), RETURN_MINUTES);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(c),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state };
}

/**
 * Finishes the flow when the provider sends the person back: the code is exchanged (with the
 * PKCE verifier), the ID token checked (signature, issuer, audience, nonce), and the e-mail
 * it names returned only when the provider says it is verified. Null for anything else.
 */
export async function finishSignOn(
  c: Context<AppEnv>,
  answer: URLSearchParams,
  browserState: string | undefined,
): Promise<{ areaId: string; email: string } | { problem: string }> {
  const { db, now, logger } = c.get('services');
  const state = answer.get('state');
  if (!state) return { problem: 'no state' };
  if (state !== browserState) return { problem: 'the answer is for another browser' };
  const pending = await takeChallenge(db, state, 'sign_on', now());
  const data = pending?.data as { areaId: string; verifier: string; nonce: string } | undefined;
  if (!data) return { problem: 'unknown or expired state' };
  const settings = await areaSignOn(db, data.areaId);
  if (!settings?.enabled) return { problem: 'single sign-on is off for the area' };
  try {
    const config = await configuration(settings);
    // The address the provider sent the person back to, as the provider saw it.
    const current = new URL(callbackUrl(c));
    current.search = answer.toString();
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: data.verifier,
      expectedState: state,
      expectedNonce: data.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { problem: 'no ID token' };
    // Some providers put the e-mail in the ID token (Entra ID), others only at the UserInfo
    // endpoint, whose answer must be about the same subject.
    const claims =
      idToken[settings.emailClaim] === undefined
        ? { ...idToken, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) }
        : idToken;
    const email = claims[settings.emailClaim];
    if (typeof email !== 'string' || email === '') return { problem: `no ${settings.emailClaim} claim` };
    // A provider's "email" claim is only trusted once verified; another claim (Entra's
    // preferred_username, upn) is the organisation's own sign-in name.
    if (settings.emailClaim === 'email' && claims.email_verified !== true) return { problem: 'e-mail not verified' };
    return { areaId: data.areaId, email: email.toLowerCase() };
  } catch (error) {
    logger.warn('single sign-on failed', { areaId: data.areaId, error: String(error) });
    return { problem: 'the provider’s answer did not check out' };
  }
}
