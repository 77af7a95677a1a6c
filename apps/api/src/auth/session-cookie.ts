import { findSession } from '@pathways/db';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { HttpError } from '../errors.ts';
import { SESSION_COOKIE } from './middleware.ts';

/** Gives the browser a session's token, HttpOnly and same-site only, for as long as the session lasts. */
export function setSessionCookie(c: Context<AppEnv>, session: { token: string; expiresAt: Date }): void {
  const { now, secureCookies } = c.get('services');
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookies,
    path: '/',
    maxAge: Math.max(1, Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000)),
  });
}

/** Gives the browser a new session's cookie; the session as every later request will see it. */
export async function adoptSession(c: Context<AppEnv>, session: { token: string; expiresAt: Date }) {
  const { db, now } = c.get('services');
  setSessionCookie(c, session);
  const signedIn = await findSession(db, session.token, now());
  if (!signedIn) throw new HttpError(401, 'unauthenticated', 'Please sign in again.');
  return { user: signedIn.user, csrfToken: signedIn.csrfToken, stage: signedIn.stage };
}

/** Sets the session's cookie and answers with the session. */
export async function answerWithSession(c: Context<AppEnv>, session: { token: string; expiresAt: Date }) {
  return c.json(await adoptSession(c, session), 200);
}
