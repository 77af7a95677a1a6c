import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { assignNamedWorker, listNamedWorkers } from '@pathways/db';
import { NOWHERE, STAFF_ROLES } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const ZNamedWorker = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['transition_worker', 'team_manager']),
    caseload: z.number().int().openapi({ description: 'How many young people they are named worker of' }),
    isActive: z.boolean().openapi({
      description: 'False: their account is closed but young people still name them (hand their caseload over)',
    }),
  })
  .openapi('NamedWorker');

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listNamedWorkers',
  tags: ['Young people'],
  summary:
    'Who in your area can be a named worker, with how many young people each has; and leavers who still have a caseload (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  responses: { 200: json(z.object({ items: z.array(ZNamedWorker) }), 'Workers, by name'), ...errorResponses(401, 403) },
});

const ZAssignment = z
  .union([
    z
      .object({
        youngPersonIds: z.array(z.uuid()).min(1).max(1000).openapi({ description: 'These young people of your area' }),
        namedWorkerId: z.uuid().nullable(),
      })
      .strict(),
    z
      .object({
        fromWorkerId: z
          .uuid()
          .openapi({ description: 'Everyone this worker is named worker of (a caseload handed over)' }),
        namedWorkerId: z.uuid().nullable(),
      })
      .strict(),
  ])
  .openapi('NamedWorkerAssignment');

const assign = createRoute({
  method: 'post',
  path: '/assignments',
  operationId: 'assignNamedWorker',
  tags: ['Young people'],
  summary:
    'Make one worker (or nobody) the named worker of several young people at once, or of all of another worker’s caseload; each young person and their family are told',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { body: { content: { 'application/json': { schema: ZAssignment } }, required: true } },
  responses: {
    200: json(
      z.object({
        moved: z.number().int(),
        unchanged: z.number().int().openapi({ description: 'Already had that worker' }),
      }),
      'Done, all or nothing',
    ),
    ...errorResponses(400, 401, 403),
  },
});

/** Mounted at `/api/named-workers` (see app.ts). */
export const namedWorkerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const user = signedInUser(c);
    const workers = await listNamedWorkers(c.get('services').db, user.areaId ?? NOWHERE);
    return c.json({ items: workers.map((worker) => ({ ...worker, role: worker.role as 'transition_worker' })) }, 200);
  })
  .openapi(assign, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { namedWorkerId, ...who } = c.req.valid('json');
    const result = await assignNamedWorker({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      areaId: user.areaId ?? NOWHERE,
      who,
      namedWorkerId,
      today: today(services),
    });
    return c.json(result, 200);
  });
