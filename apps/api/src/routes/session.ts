import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  audit,
  createSession,
  endSession,
  findAccountByEmail,
  findSession,
  FREE_FAILURES,
  recordSignInAttempt,
  reserveAttempt,
  signInSucceeded,
} from '@pathways/db';
import { PLAN_LANGUAGES } from '@pathways/engine';
import type { AppEnv, AppServices } from '../app-env.ts';
import { SESSION_COOKIE } from '../auth/middleware.ts';
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
const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() }).openapi('Session');

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
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(401) },
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
    const { db, now, secureCookies } = services;
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
    const session = await createSession(db, user.id, now());
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000),
    });
    // The new session's user, as every later request will see it.
    const signedIn = await findSession(db, session.token, now());
    if (!signedIn) throw new HttpError(401, 'unauthenticated', 'Email or password is not right.');
    return c.json(signedIn, 200);
  })
  .openapi(current, (c) => {
    const user = c.get('user');
    const csrfToken = c.get('csrfToken');
    if (!user || !csrfToken) throw new HttpError(401, 'unauthenticated', 'Please sign in.');
    return c.json({ user, csrfToken }, 200);
  })
  .openapi(signOut, async (c) => {
    const token = c.get('sessionToken');
    if (token) await endSession(c.get('services').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

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
