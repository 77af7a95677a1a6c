import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, areasWithSignOn, createSession, signOnAccount } from '@pathways/db';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { answerWithSession } from '../auth/session-cookie.ts';
import { finishSignOn, SIGN_ON_COOKIE, startSignOn } from '../auth/single-sign-on.ts';
import { HttpError, validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';
import { ZSession } from './session.ts';

const areas = createRoute({
  method: 'get',
  path: '/areas',
  operationId: 'listSignOnAreas',
  tags: ['Single sign-on'],
  summary: 'Councils whose staff can sign in through their own provider (for the sign-in page)',
  responses: {
    200: json(z.object({ items: z.array(z.object({ areaId: z.string(), name: z.string() })) }), 'Areas'),
    ...errorResponses(400),
  },
});

const start = createRoute({
  method: 'post',
  path: '/start',
  operationId: 'startSignOn',
  tags: ['Single sign-on'],
  summary:
    "Begin signing in through the council's OpenID Connect provider (authorisation code flow with PKCE): where to send the browser",
  request: { body: { content: { 'application/json': { schema: z.object({ areaId: z.uuid() }) } }, required: true } },
  responses: {
    200: json(z.object({ url: z.string() }), 'The provider’s sign-in address'),
    ...errorResponses(400, 404),
  },
});

const finish = createRoute({
  method: 'post',
  path: '/finish',
  operationId: 'finishSignOn',
  tags: ['Single sign-on'],
  summary: 'Finish signing in with what the provider sent back to the planner’s /sign-on/callback page',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            answer: z.string().max(8000).openapi({ description: 'The callback address’s query string' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ZSession, 'Signed in'), ...errorResponses(400, 401) },
});

/** Mounted at `/api/sign-on` (see app.ts). */
export const signOnRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(areas, async (c) => c.json({ items: await areasWithSignOn(c.get('services').db) }, 200))
  .openapi(start, async (c) => {
    const started = await startSignOn(c, c.req.valid('json').areaId);
    if (!started) throw new AppError('not_found', 'This council has no single sign-on.', { field: 'areaId' });
    setCookie(c, SIGN_ON_COOKIE, started.state, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('services').secureCookies,
      path: '/api/sign-on',
      maxAge: 600,
    });
    return c.json({ url: started.url.href }, 200);
  })
  .openapi(finish, async (c) => {
    const { db, now, logger } = c.get('services');
    const answer = new URLSearchParams(c.req.valid('json').answer.replace(/^\?/, ''));
    const outcome = await finishSignOn(c, answer, getCookie(c, SIGN_ON_COOKIE));
    deleteCookie(c, SIGN_ON_COOKIE, { path: '/api/sign-on' });
    const account = 'email' in outcome ? await signOnAccount(db, outcome.areaId, outcome.email, now()) : null;
    if (!account) {
      logger.warn('security: single sign-on refused', {
        problem: 'problem' in outcome ? outcome.problem : 'no staff account with that e-mail in the area',
      });
      throw new HttpError(401, 'unauthenticated', 'Your work account did not sign you in to Pathways.');
    }
    return answerWithSession(
      c,
      await createSession(db, account.id, now(), { method: 'single_sign_on', userAgent: c.req.header('user-agent') }),
    );
  });
