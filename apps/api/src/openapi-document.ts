import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { SESSION_COOKIE } from './auth/middleware.ts';

type Operation = { operationId?: string; security?: Record<string, string[]>[]; responses?: Record<string, unknown> };
type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
/**
 * Operations a person without a (complete) session may call: signing in and its steps, the
 * links e-mailed to them, and the way into their council's single sign-on.
 */
export const OPEN_OPERATIONS: ReadonlySet<string> = new Set([
  'signIn',
  'getSession',
  'signOut',
  'giveSecondFactor',
  'passkeySignInOptions',
  'signInWithPasskey',
  'lookUpAccountLink',
  'setPasswordByLink',
  'requestPasswordReset',
  'listSignOnAreas',
  'startSignOn',
  'finishSignOn',
]);
const ERROR = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ANSWERS: Record<string, { description: string }> = {
  '400': {
    description:
      'Invalid input (a control character, a date out of range, a number too large…); the message names the field',
  },
  '401': { description: 'Not signed in, or the session has ended' },
  '403': {
    description:
      'Signed in, but this role may not do this, the young person has not agreed to share it, or a write came without the CSRF token or from another site',
  },
  '413': { description: 'The request body is larger than the limit (1 MB; 20 MB for imports)' },
};

/**
 * The rules every operation shares, written into the document once, where the middleware
 * applies them: the session cookie on every operation but signing in; the CSRF header on
 * every write; the 401 and 403 answers of the session and role checks and the 400 and 413 of
 * the input guard; the calendar feed, served outside the typed routes.
 */
export function describeApi(app: OpenAPIHono<AppEnv>, serverUrl: string): Document {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/session (HttpOnly, SameSite=Strict)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken from POST or GET /api/session, on every write',
  });
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Pathways API',
      version: '0.1.0',
      description:
        'Transition-to-adulthood planner. Sign in with POST /api/session; the session cookie is HttpOnly; send the returned csrfToken as X-CSRF-Token on every write.',
      // OpenAPI 3.1 names a licence by SPDX identifier; the typings know only 3.0's url.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' } as { name: string },
    },
    servers: [{ url: serverUrl, description: 'This Pathways server' }],
    security: [{ session: [] }],
  });
  for (const operations of Object.values(document.paths ?? {})) {
    for (const [method, value] of Object.entries(operations as Record<string, Operation>)) {
      if (!value.responses) continue;
      const open = OPEN_OPERATIONS.has(value.operationId ?? '');
      if (open) value.security = [{}, { session: [] }];
      else if (UNSAFE.has(method)) value.security = [{ session: [], csrfToken: [] }];
      const needed = [...(open ? [] : ['401', '403']), ...(UNSAFE.has(method) ? ['400', '413'] : [])];
      for (const status of needed) value.responses[status] ??= { ...ANSWERS[status], ...ERROR };
    }
  }
  document.paths = {
    ...document.paths,
    '/calendar/{file}': {
      get: {
        operationId: 'getCalendarFeed',
        tags: ['Calendar'],
        summary:
          'A calendar feed (iCalendar) of your milestones, for a calendar app; the secret in the address is the only key',
        security: [],
        parameters: [
          {
            name: 'file',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.ics$' },
            description: 'The secret token followed by .ics (from POST /api/calendar-feed)',
          },
        ],
        responses: {
          '200': {
            description: 'RFC 5545 iCalendar: overdue milestones on today, the next 12 months on their dates',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          '404': {
            description: 'No such feed (revoked, replaced or never issued)',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
  };
  return document;
}
