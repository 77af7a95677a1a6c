import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AGENCY_TYPES } from '@pathways/engine';
import { listAgencies, listLocalAreas } from '@pathways/db';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const ZAgency = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    areaId: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    website: z.string().nullable(),
    services: z.array(z.string()),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
  })
  .openapi('Agency');

const directory = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAgencies',
  tags: ['Agencies'],
  summary: 'The agency directory (any signed-in user)',
  middleware: [requireRole()] as const,
  request: { query: z.object({ areaId: z.uuid().optional(), type: z.enum(AGENCY_TYPES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ZAgency) }), 'Agencies'), ...errorResponses(400, 401) },
});

const areas = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAreas',
  tags: ['Agencies'],
  summary: 'Local areas (any signed-in user): where agencies and young people belong',
  middleware: [requireRole()] as const,
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), jurisdiction: z.string() })),
      }),
      'Local areas',
    ),
    ...errorResponses(401),
  },
});

/** Mounted at `/api/agencies` (see app.ts). */
export const agencyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(directory, async (c) => {
  const { areaId, type } = c.req.valid('query');
  const agencies = await listAgencies(c.get('services').db, { areaId, type });
  return c.json({ items: agencies.map(({ createdAt: _c, updatedAt: _u, ...agency }) => agency) }, 200);
});

/** Mounted at `/api/areas` (see app.ts). */
export const areaRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(areas, async (c) => {
  return c.json({ items: await listLocalAreas(c.get('services').db) }, 200);
});
