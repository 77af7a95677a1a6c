import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CONTRIBUTOR_ROLES,
  contributorsOf,
  contributorsOfArea,
  linkContributor,
  unlinkContributor,
  type Contributor,
} from '@pathways/db';
import { NOWHERE, recordOfRequest, STAFF_ROLES } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

/**
 * Other agencies' staff around a young person: the area's staff link a school's SEN
 * coordinator, a health or social worker, or another contributor to the young people they work
 * with; what each then sees follows the young person's sharing agreements with their agency.
 */
const ZContributor = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(CONTRIBUTOR_ROLES),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    linkedAt: z.string().nullable(),
  })
  .openapi('Contributor');

const present = ({ agencyType: _type, linkedAt, ...contributor }: Contributor) => ({
  ...contributor,
  role: contributor.role as (typeof CONTRIBUTOR_ROLES)[number],
  linkedAt: linkedAt?.toISOString() ?? null,
});

const ZUserParam = ZIdParam.extend({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });
const ZList = z.object({ items: z.array(ZContributor) });

const ofArea = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAreaContributors',
  tags: ['Contributors'],
  summary: 'Other agencies’ staff of your area who could be linked to a young person (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  responses: { 200: json(ZList, 'By name'), ...errorResponses(401, 403) },
});

const linked = createRoute({
  method: 'get',
  path: '/{id}/contributors',
  operationId: 'listContributors',
  tags: ['Contributors'],
  summary: 'Other agencies’ staff linked to a young person (staff of the area)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { params: ZIdParam },
  responses: { 200: json(ZList, 'By name'), ...errorResponses(401, 403, 404) },
});

const link = createRoute({
  method: 'post',
  path: '/{id}/contributors',
  operationId: 'linkContributor',
  tags: ['Contributors'],
  summary: 'Link someone from another agency of the area to a young person (staff of the area)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZIdParam,
    body: { content: { 'application/json': { schema: z.object({ userId: z.uuid() }).strict() } }, required: true },
  },
  responses: { 201: json(ZList, 'Linked; everyone now linked'), ...errorResponses(400, 401, 403, 404) },
});

const unlink = createRoute({
  method: 'delete',
  path: '/{id}/contributors/{userId}',
  operationId: 'unlinkContributor',
  tags: ['Contributors'],
  summary: 'End the link: they no longer see the young person (staff of the area)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { params: ZUserParam },
  responses: { 204: { description: 'Unlinked' }, ...errorResponses(400, 401, 403, 404) },
});

/** Mounted at `/api/contributors` (see app.ts). */
export const contributorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(ofArea, async (c) => {
  const user = signedInUser(c);
  const items = await contributorsOfArea(c.get('services').db, user.areaId ?? NOWHERE);
  return c.json({ items: items.map(present) }, 200);
});

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonContributorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(linked, async (c) => {
    const { person, services } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    return c.json({ items: (await contributorsOf(services.db, person.id)).map(present) }, 200);
  })
  .openapi(link, async (c) => {
    const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    await linkContributor(services.db, { userId: user.id, role: user.role }, person, c.req.valid('json').userId);
    return c.json({ items: (await contributorsOf(services.db, person.id)).map(present) }, 201);
  })
  .openapi(unlink, async (c) => {
    const { id, userId } = c.req.valid('param');
    const { person, user, services } = await recordOfRequest(c, id, 'change');
    await unlinkContributor(services.db, { userId: user.id, role: user.role }, person, userId);
    return c.body(null, 204);
  });
