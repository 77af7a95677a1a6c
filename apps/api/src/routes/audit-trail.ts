import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '@pathways/db';
import { youngPersonFor } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam, ZPageNumber } from './schemas.ts';

const ZAuditRow = z
  .object({
    at: z.string(),
    actorName: z.string().nullable().openapi({ description: 'Null when the account has since been removed' }),
    actorRole: z.string().nullable(),
    action: z.string().openapi({ example: 'read' }),
    entityType: z.string().openapi({ example: 'Plan' }),
  })
  .openapi('AuditEntry');

const trail = createRoute({
  method: 'get',
  path: '/api/young-people/{id}/audit',
  operationId: 'getAuditTrail',
  tags: ['Young people'],
  summary: 'Who viewed or changed this record, newest first (staff of the area, and the young person themself)',
  middleware: [requireRole('transition_worker', 'team_manager', 'young_person')] as const,
  request: {
    params: ZIdParam,
    query: z.object({ page: ZPageNumber, pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: {
    200: json(z.object({ items: z.array(ZAuditRow), total: z.number().int() }), 'A page of the audit trail'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const auditTrailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(trail, async (c) => {
  const services = c.get('services');
  const user = signedInUser(c);
  const person = await youngPersonFor(services.db, user, c.req.valid('param').id, today(services));
  const { page, pageSize } = c.req.valid('query');
  const where = { youngPersonId: person.id };
  const [total, entries] = await Promise.all([
    services.db.auditEntry.count({ where }),
    services.db.auditEntry.findMany({ where, orderBy: { at: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const actorIds = [...new Set(entries.map((entry) => entry.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await services.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map(
      (actor) => [actor.id, actor.name],
    ),
  );
  await audit(
    services.db,
    { userId: user.id, role: user.role },
    { action: 'read', entityType: 'AuditTrail', entityId: person.id, youngPersonId: person.id },
  );
  return c.json(
    {
      items: entries.map((entry) => ({
        at: entry.at.toISOString(),
        actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
        actorRole: entry.actorRole,
        action: entry.action,
        entityType: entry.entityType,
      })),
      total,
    },
    200,
  );
});
