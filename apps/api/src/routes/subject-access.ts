import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, audit, collectSubjectAccess, type YoungPerson, type SessionUser } from '@pathways/db';
import { canChangeYoungPerson, youngPersonFor } from '../access.ts';
import { today, type AppEnv, type AppServices } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { subjectAccessHtml } from '../subject-access-document.ts';
import { decidesFor } from './consents.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

/**
 * Subject access (UK GDPR art. 15): everything held about a young person, as JSON or as a
 * printable document. The young person asks from 16, a parent or carer for a younger child,
 * and staff of the area on their behalf. Every copy made is audited.
 */
function mayRequest(user: SessionUser, person: YoungPerson, day: string): void {
  if (canChangeYoungPerson(user, person)) return;
  const decider = decidesFor(person, day);
  if (user.role === 'young_person' && decider === 'young_person') return;
  if (user.role === 'parent_carer' && decider === 'parent_carer') return;
  throw new AppError(
    'forbidden',
    user.role === 'young_person'
      ? 'Until you are 16, your parent or carer can ask for a copy of your information.'
      : 'From 16 the young person asks for their own copy.',
  );
}

const ROLES = ['transition_worker', 'team_manager', 'young_person', 'parent_carer'] as const;
const asJson = createRoute({
  method: 'get',
  path: '/{id}/subject-access',
  operationId: 'getSubjectAccess',
  tags: ['Data protection'],
  summary: 'Everything held about a young person (subject access request), as JSON',
  middleware: [requireRole(...ROLES)] as const,
  request: { params: ZIdParam },
  responses: {
    200: json(z.object({}).catchall(z.unknown()).openapi('SubjectAccess'), 'Everything held'),
    ...errorResponses(401, 403, 404),
  },
});
const asDocument = createRoute({
  method: 'get',
  path: '/{id}/subject-access.html',
  operationId: 'getSubjectAccessDocument',
  tags: ['Data protection'],
  summary: 'The same as a printable document (HTML, ready to print or save as PDF)',
  middleware: [requireRole(...ROLES)] as const,
  request: { params: ZIdParam },
  responses: {
    200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses(401, 403, 404),
  },
});

async function collect(services: AppServices, user: SessionUser, id: string, format: 'json' | 'html') {
  const day = today(services);
  const person = await youngPersonFor(services.db, user, id, day);
  mayRequest(user, person, day);
  const copy = await collectSubjectAccess(services.db, person.id, services.now());
  await audit(
    services.db,
    { userId: user.id, role: user.role },
    {
      action: 'subject_access',
      entityType: 'YoungPerson',
      entityId: person.id,
      youngPersonId: person.id,
      detail: { format },
    },
  );
  return copy;
}

export const subjectAccessRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(asJson, async (c) => {
    const copy = await collect(c.get('services'), signedInUser(c), c.req.valid('param').id, 'json');
    c.header(
      'Content-Disposition',
      `attachment; filename="pathways-information-${copy.generatedAt.slice(0, 10)}.json"`,
    );
    return c.json(copy, 200);
  })
  .openapi(asDocument, async (c) => {
    const copy = await collect(c.get('services'), signedInUser(c), c.req.valid('param').id, 'html');
    return c.html(subjectAccessHtml(copy), 200);
  });
