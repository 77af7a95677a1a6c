import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { errorBody, HttpError } from '../errors.ts';
import { findSession, type SessionUser } from './sessions.ts';

export const SESSION_COOKIE = 'pathways_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Loads the signed-in user from the session cookie (or none). */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  const session = token ? await findSession(c.get('services').db, token, c.get('services').now()) : null;
  c.set('user', session?.user ?? null);
  c.set('csrfToken', session?.csrfToken ?? null);
  c.set('sessionToken', session ? token : null);
  await next();
};

/**
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token` (the
 * cookie alone proves nothing: a browser sends it for any site's form).
 */
export const requireCsrfToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method) && c.get('user')) {
    const sent = c.req.header('x-csrf-token');
    if (!sent || sent !== c.get('csrfToken')) return c.json(errorBody('csrf', 'Missing or wrong X-CSRF-Token header.'), 403);
  }
  await next();
};

/** Only signed-in users, and only these roles when given. */
export function requireRole(...roles: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json(errorBody('unauthenticated', 'Please sign in.'), 401);
    if (roles.length > 0 && !roles.includes(user.role)) return c.json(errorBody('forbidden', 'Your role cannot do this.'), 403);
    await next();
  };
}

/** The signed-in user of a route behind `requireRole` (which has already answered 401 otherwise). */
export function signedInUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new HttpError(401, 'unauthenticated', 'Please sign in.');
  return user;
}
