import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { SESSION_COOKIE } from '../auth/middleware.ts';
import { DECOY_HASH, verifyPassword } from '../auth/passwords.ts';
import { recordSignIn, signInAllowed } from '../auth/rate-limit.ts';
import { createSession, endSession } from '../auth/sessions.ts';
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
  })
  .openapi('SessionUser');
const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() }).openapi('Session');

const signIn = createRoute({
  method: 'post',
  path: '/api/session',
  tags: ['Session'],
  summary: 'Sign in (sets an HttpOnly session cookie; send csrfToken as X-CSRF-Token on writes)',
  request: { body: { content: { 'application/json': { schema: z.object({ email: z.email().max(200), password: z.string().min(1).max(200) }) } }, required: true } },
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(400, 401, 429) },
});

const current = createRoute({
  method: 'get',
  path: '/api/session',
  tags: ['Session'],
  summary: 'The signed-in user and their CSRF token',
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(401) },
});

const signOut = createRoute({
  method: 'delete',
  path: '/api/session',
  tags: ['Session'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(signIn, async (c) => {
    const { db, now, secureCookies } = c.get('services');
    const { email, password } = c.req.valid('json');
    const normalised = email.toLowerCase();
    const ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
    const limit = await signInAllowed(db, normalised, ip, now());
    if (!limit.allowed) {
      throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.', { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    const user = await db.user.findUnique({ where: { email: normalised } });
    // Always spend the same effort, known email or not.
    const isValid = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH));
    if (!user || !isValid || user.disabledAt) {
      await recordSignIn(db, normalised, ip, false, now());
      throw new HttpError(401, 'unauthenticated', 'Email or password is not right.');
    }
    await recordSignIn(db, normalised, ip, true, now());
    const session = await createSession(db, user.id, now());
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure: secureCookies, path: '/', maxAge: Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000) });
    const { id, name, role, areaId, agencyId, youngPersonId } = user;
    return c.json({ user: { id, email: user.email, name, role, areaId, agencyId, youngPersonId }, csrfToken: session.csrfToken }, 200);
  })
  .openapi(current, async (c) => {
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
