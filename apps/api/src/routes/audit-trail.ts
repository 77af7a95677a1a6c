import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit, listAuditTrail } from '@pathways/db';
import { recordOfRequest } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
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
  path: '/{id}/audit',
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
  const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id);
  const { items, total } = await listAuditTrail(services.db, person.id, c.req.valid('query'));
  await audit(
    services.db,
    { userId: user.id, role: user.role },
    { action: 'read', entityType: 'AuditTrail', entityId: person.id, youngPersonId: person.id },
  );
  return c.json(
    {
      items: items.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      total,
    },
    200,
  );
});
