import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { errorBody, HttpError } from '../errors.ts';
import { recordRefusal } from '../security-events.ts';
import { findSession, type SessionUser } from '@pathways/db';

export const SESSION_COOKIE = 'pathways_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Loads the signed-in user from the session cookie (or none). */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  const services = c.get('services');
  const session = token ? await findSession(services.db, token, services.now(), services.sessionIdleMinutes) : null;
  const complete = session?.stage === 'complete';
  c.set('user', complete ? session.user : null);
  c.set('pending', session && session.stage !== 'complete' ? { user: session.user, stage: session.stage } : null);
  c.set('csrfToken', session?.csrfToken ?? null);
  c.set('sessionToken', session ? token : null);
  await next();
};

/**
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token` (the
 * cookie alone proves nothing: a browser sends it for any site's form).
 */
export const requireCsrfToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method) && (c.get('user') || c.get('pending'))) {
    if (!sameSecret(c.req.header('x-csrf-token'), c.get('csrfToken'))) {
      await recordRefusal(c, 403, 'csrf');
      return c.json(errorBody('csrf', 'Missing or wrong X-CSRF-Token header.'), 403);
    }
  }
  await next();
};

/** Compares a sent secret with the expected one in constant time (no early exit on the first wrong character). */
function sameSecret(sent: string | undefined, expected: string | null): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every write, whatever its content type, must come from the planner's own origin: a browser
 * says where a request comes from in `Origin` (and `Sec-Fetch-Site`), and another site's page
 * is refused before anything else happens. Clients that are not browsers send neither and
 * rely on the CSRF token alone. The own origin is the one the request was sent to, or
 * `PUBLIC_URL`'s behind a proxy that terminates HTTPS.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const own = new Set([
      new URL(c.req.url).origin,
      ...(c.get('services').publicOrigin ? [c.get('services').publicOrigin as string] : []),
    ]);
    if ((origin !== undefined && !own.has(origin)) || (site !== undefined && site !== 'same-origin')) {
      return c.json(errorBody('csrf', 'Writes are accepted only from the planner’s own pages.'), 403);
    }
  }
  await next();
};

/** Only signed-in users, and only these roles when given. */
export function requireRole(...roles: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json(errorBody('unauthenticated', 'Please sign in.'), 401);
    if (roles.length > 0 && !roles.includes(user.role)) {
      await recordRefusal(c, 403, 'forbidden');
      return c.json(errorBody('forbidden', 'Your role cannot do this.'), 403);
    }
    await next();
  };
}

/** The signed-in user of a route behind `requireRole` (which has already answered 401 otherwise). */
export function signedInUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new HttpError(401, 'unauthenticated', 'Please sign in.');
  return user;
}

/**
 * Only a signed-in person, or one part-way through signing in who must set up a second
 * factor, reaches their own account's routes; anyone else is refused before their input is read.
 */
export const requireAccountHolder: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user') && c.get('pending')?.stage !== 'enrol')
    return c.json(errorBody('unauthenticated', 'Please sign in.'), 401);
  await next();
};

/**
 * The person looking after their own account: signed in, or (when `duringEnrolment`) part-way
 * through a sign-in that is waiting for them to set up a second factor.
 */
export function accountHolder(c: Context<AppEnv>, duringEnrolment = false): SessionUser {
  const user = c.get('user');
  if (user) return user;
  const pending = c.get('pending');
  if (duringEnrolment && pending?.stage === 'enrol') return pending.user;
  throw new HttpError(401, 'unauthenticated', 'Please sign in.');
}
