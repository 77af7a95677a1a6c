import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import {
  addPasskey,
  findPasskey,
  listPasskeyIds,
  passkeyUsed,
  saveChallenge,
  takeChallenge,
  type PrismaClient,
  type StoredPasskey,
} from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: the phishing-resistant way to sign in.
 * A passkey is bound to this site's address, needs the person's fingerprint, face or PIN
 * (user verification is required), and is discoverable, so signing in needs no e-mail.
 * Each ceremony's challenge is kept in the database and taken back once, so any API process
 * can finish what another began.
 */
const CHALLENGE_MINUTES = 5;

/** Who we are to the authenticator: the origin people use and its host name. */
export function relyingParty(c: Context<AppEnv>): { id: string; origin: string } {
  const origin = c.get('services').publicOrigin ?? new URL(c.req.url).origin;
  return { id: new URL(origin).hostname, origin };
}

export async function registrationOptions(c: Context<AppEnv>, user: { id: string; email: string; name: string }) {
  const { db, now } = c.get('services');
  const existing = await listPasskeyIds(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'Pathways',
    rpID: relyingParty(c).id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: passkey.transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await saveChallenge(
    db,
    { id: options.challenge, kind: 'passkey_register', userId: user.id },
    now(),
    CHALLENGE_MINUTES,
  );
  return options;
}

/** Checks a new passkey against the challenge given to this person, and keeps it; false when it does not verify. */
export async function registerPasskey(
  c: Context<AppEnv>,
  user: { id: string; role: string },
  response: RegistrationResponseJSON,
  name: string,
): Promise<boolean> {
  const { db, now } = c.get('services');
  const party = relyingParty(c);
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: async (challenge) =>
      (await takeChallenge(db, challenge, 'passkey_register', now()))?.userId === user.id,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) return false;
  const { credential } = verification.registrationInfo;
  await addPasskey(
    db,
    { userId: user.id, role: user.role },
    {
      id: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
    },
    now(),
  );
  return true;
}

export async function signInOptions(c: Context<AppEnv>) {
  const { db, now } = c.get('services');
  const options = await generateAuthenticationOptions({ rpID: relyingParty(c).id, userVerification: 'required' });
  await saveChallenge(db, { id: options.challenge, kind: 'passkey_sign_in' }, now(), CHALLENGE_MINUTES);
  return options;
}

/** The account a passkey assertion proves, or null (unknown passkey, wrong challenge, bad signature). */
export async function verifyPasskeySignIn(
  db: PrismaClient,
  c: Context<AppEnv>,
  response: AuthenticationResponseJSON,
): Promise<StoredPasskey | null> {
  const { now } = c.get('services');
  const passkey = await findPasskey(db, response.id);
  if (!passkey) return null;
  const party = relyingParty(c);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: async (challenge) => (await takeChallenge(db, challenge, 'passkey_sign_in', now())) !== null,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    credential: {
      id: passkey.id,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
    },
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) return null;
  await passkeyUsed(db, passkey.id, verification.authenticationInfo.newCounter, now());
  return passkey;
}
