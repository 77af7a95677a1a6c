import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import {
  acceptTotpStep,
  AppError,
  activeAccount,
  audit,
  completeSession,
  createSession,
  endSession,
  findAccountByEmail,
  FREE_FAILURES,
  recordSignInAttempt,
  reserveAttempt,
  signInSucceeded,
  totpSecrets,
  useRecoveryCode,
} from '@pathways/db';
import type { Context } from 'hono';
import { PLAN_LANGUAGES } from '@pathways/engine';
import type { AppEnv, AppServices } from '../app-env.ts';
import { SESSION_COOKIE } from '../auth/middleware.ts';
import { signInOptions, verifyPasskeySignIn } from '../auth/passkeys.ts';
import { stageAfterPassword } from '../auth/second-factor-policy.ts';
import { answerWithSession } from '../auth/session-cookie.ts';
import { verifyTotp } from '../auth/totp.ts';
import { DECOY_HASH, verifyPassword } from '../auth/passwords.ts';
import { clientAddress } from '../auth/client-address.ts';
import { HttpError, validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const ZSessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string().openapi({ example: 'transition_worker' }),
    areaId: z.string().nullable(),
    agencyId: z.string().nullable(),
    youngPersonId: z.string().nullable(),
    language: z.enum(PLAN_LANGUAGES).nullable().openapi({
      description: "The language of the council's rule pack: the interface's language until the person chooses one",
    }),
  })
  .openapi('SessionUser');
export const ZSession = z
  .object({
    user: ZSessionUser,
    csrfToken: z.string(),
    stage: z.enum(['complete', 'second_factor', 'enrol']).openapi({
      description:
        'complete: signed in. second_factor: a code from the authenticator app (or a recovery code, or a passkey) is still needed. enrol: staff must set up a second factor before anything else.',
    }),
  })
  .openapi('Session');

const signIn = createRoute({
  method: 'post',
  path: '/',
  operationId: 'signIn',
  tags: ['Session'],
  summary: 'Sign in (sets an HttpOnly session cookie; send csrfToken as X-CSRF-Token on writes)',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ email: z.email().max(200), password: z.string().min(1).max(200) }) },
      },
      required: true,
    },
  },
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(400, 401, 429, 503) },
});

const current = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getSession',
  tags: ['Session'],
  summary: 'The signed-in user and their CSRF token',
  responses: { 200: json(ZSession, 'Signed in (or part-way)'), ...errorResponses(401) },
});

const secondFactor = createRoute({
  method: 'post',
  path: '/second-factor',
  operationId: 'giveSecondFactor',
  tags: ['Session'],
  summary: 'Finish signing in with a code from the authenticator app, or a recovery code',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ code: z.string().trim().min(6).max(20) }) } },
      required: true,
    },
  },
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
});

const passkeyOptions = createRoute({
  method: 'post',
  path: '/passkey/options',
  operationId: 'passkeySignInOptions',
  tags: ['Session'],
  summary: 'Begin signing in with a passkey: the WebAuthn challenge for the browser',
  responses: {
    200: json(z.record(z.string(), z.unknown()), 'PublicKeyCredentialRequestOptionsJSON'),
    ...errorResponses(403),
  },
});

export const ZWebAuthnResponse = z
  .looseObject({
    id: z.string().min(1).max(1400),
    rawId: z.string().min(1).max(1400),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: z.string().max(10_000) }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('WebAuthnResponse');

const passkeySignIn = createRoute({
  method: 'post',
  path: '/passkey',
  operationId: 'signInWithPasskey',
  tags: ['Session'],
  summary: 'Sign in with a passkey (also finishes a sign-in waiting for its second factor)',
  request: {
    body: { content: { 'application/json': { schema: z.object({ response: ZWebAuthnResponse }) } }, required: true },
  },
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(400, 401, 403) },
});

const signOut = createRoute({
  method: 'delete',
  path: '/',
  operationId: 'signOut',
  tags: ['Session'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(signIn, async (c) => {
    const services = c.get('services');
    const { db, now } = services;
    const { email, password } = c.req.valid('json');
    const normalised = email.toLowerCase();
    const ip = clientAddress(c);
    const accountKey = `email:${normalised}`;
    const addressKey = `ip:${ip}`;
    // The attempt is reserved (counted as a failure) before the password is checked.
    for (const [key, free] of [
      [addressKey, FREE_FAILURES.address],
      [accountKey, FREE_FAILURES.account],
    ] as const) {
      const reservation = await reserveAttempt(db, key, free, now());
      if (!reservation.allowed) {
        await recordSignInAttempt(db, { email: normalised, ip, succeeded: false, at: now() });
        throw new HttpError(
          429,
          'rate_limited',
          `Too many failed sign-ins. Try again in ${inWords(reservation.retryAfterSeconds)}.`,
          { 'Retry-After': String(reservation.retryAfterSeconds) },
        );
      }
      if (key === accountKey && reservation.failures === free + 1) await tellAboutFailedSignIns(services, normalised);
    }
    const user = await findAccountByEmail(db, normalised);
    // Always spend the same effort, known email or not.
    const isValid = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH));
    if (!user || !isValid || user.disabledAt) {
      await recordSignInAttempt(db, { email: normalised, ip, succeeded: false, at: now() });
      throw new HttpError(401, 'unauthenticated', 'Email or password is not right.');
    }
    await signInSucceeded(db, accountKey, addressKey, now());
    await recordSignInAttempt(db, { email: normalised, ip, succeeded: true, at: now() });
    const stage = await stageAfterPassword(services, user);
    return answerWithSession(
      c,
      await createSession(db, user.id, now(), { stage, method: 'password', userAgent: c.req.header('user-agent') }),
    );
  })
  .openapi(current, (c) => {
    const user = c.get('user');
    const pending = c.get('pending');
    const csrfToken = c.get('csrfToken');
    if (user && csrfToken) return c.json({ user, csrfToken, stage: 'complete' as const }, 200);
    if (pending && csrfToken) return c.json({ user: pending.user, csrfToken, stage: pending.stage }, 200);
    throw new HttpError(401, 'unauthenticated', 'Please sign in.');
  })
  .openapi(secondFactor, async (c) => {
    const { db, now } = c.get('services');
    const pending = c.get('pending');
    const token = c.get('sessionToken');
    if (pending?.stage !== 'second_factor' || !token)
      throw new HttpError(401, 'unauthenticated', 'Please sign in with your password first.');
    const { code } = c.req.valid('json');
    // Six digits can be guessed: the same wait after wrong codes as after wrong passwords.
    const key = `second-factor:${pending.user.id}`;
    const reservation = await reserveAttempt(db, key, FREE_FAILURES.account, now());
    if (!reservation.allowed)
      throw new HttpError(
        429,
        'rate_limited',
        `Too many wrong codes. Try again in ${inWords(reservation.retryAfterSeconds)}.`,
        {
          'Retry-After': String(reservation.retryAfterSeconds),
        },
      );
    if (!(await secondFactorMatches(c, pending.user.id, code))) {
      await audit(
        db,
        { userId: pending.user.id, role: pending.user.role },
        { action: 'second_factor_refused', entityType: 'User', entityId: pending.user.id },
      );
      throw new AppError(
        'invalid',
        'That code is not right. Enter the 6-digit code your app shows now, or a recovery code.',
        { field: 'code' },
      );
    }
    await signInSucceeded(db, key, key, now());
    const session = await completeSession(db, token, now(), c.req.header('user-agent') ?? null);
    if (!session) throw new HttpError(401, 'unauthenticated', 'Please sign in again.');
    return answerWithSession(c, session);
  })
  .openapi(passkeyOptions, async (c) => c.json(await signInOptions(c), 200))
  .openapi(passkeySignIn, async (c) => {
    const { db, now } = c.get('services');
    const { response } = c.req.valid('json');
    const passkey = await verifyPasskeySignIn(db, c, response as never);
    const account = passkey ? await activeAccount(db, passkey.userId) : null;
    if (!account) throw new HttpError(401, 'unauthenticated', 'That passkey did not sign you in.');
    // A sign-in that was waiting for its second factor is replaced by this one.
    const pendingToken = c.get('pending') ? c.get('sessionToken') : null;
    if (pendingToken) await endSession(db, pendingToken);
    await audit(
      db,
      { userId: account.id, role: account.role },
      { action: 'sign_in_passkey', entityType: 'User', entityId: account.id },
    );
    return answerWithSession(
      c,
      await createSession(db, account.id, now(), { method: 'passkey', userAgent: c.req.header('user-agent') }),
    );
  })
  .openapi(signOut, async (c) => {
    const token = c.get('sessionToken');
    if (token) await endSession(c.get('services').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

/** A code from the authenticator app (each accepted once), or one of the recovery codes (each used once). */
async function secondFactorMatches(c: Context<AppEnv>, userId: string, code: string): Promise<boolean> {
  const { db, now } = c.get('services');
  const { secret } = await totpSecrets(db, userId);
  if (/^\d{3}\s?\d{3}$/.test(code)) {
    const step = secret ? await verifyTotp(secret, code, now()) : null;
    return step !== null && (await acceptTotpStep(db, userId, step));
  }
  return useRecoveryCode(db, userId, code, now());
}

/**
 * The account's free attempts have just run out: its holder is told by e-mail (a guesser may
 * be at work, and their own next try will have to wait), and it is logged as a security event.
 * An unknown e-mail address is only logged.
 */
async function tellAboutFailedSignIns(services: AppServices, email: string): Promise<void> {
  const user = await findAccountByEmail(services.db, email);
  services.logger.warn('security: repeated failed sign-ins', { account: user?.id ?? null });
  if (!user) return;
  await audit(
    services.db,
    { userId: null, role: 'system' },
    { action: 'sign_in_throttled', entityType: 'User', entityId: user.id },
  );
  await services
    .tellAccountHolder?.(
      // Only what a message needs: the account row also holds the password hash.
      { email: user.email, name: user.name },
      'Failed sign-ins to your Pathways account',
      `Hello ${user.name},\n\nSomeone has just tried to sign in to your Pathways account several times with the wrong password. ` +
        'Each further try now has to wait a little longer, so you may be asked to wait before you can sign in.\n\n' +
        'If this was you, wait a few minutes and try again. If it was not, tell your Pathways administrator.\n',
    )
    .catch((error: unknown) => services.logger.error('could not e-mail the account holder', { error: String(error) }));
}

/** A wait in words: "1 minute", "15 seconds". */
function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
