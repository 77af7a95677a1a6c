import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AGENCY_TYPES } from '@pathways/engine';
import { AppError, createAgency, listAgencies, listLocalAreas, updateAgency, type Agency } from '@pathways/db';
import { areasOf } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam, ZWebAddress } from './schemas.ts';

const ZAgency = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    areaId: z.string(),
    odsCode: z.string().nullable(),
    externalId: z
      .string()
      .nullable()
      .openapi({ description: 'Its id in the directory feed it came from; null if entered by hand' }),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    website: z.string().nullable(),
    services: z.array(z.string()),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
  })
  .openapi('Agency');

const ZAge = z.number().int().min(0).max(120).nullable();
/** The rule packs' agency types, and "other" for a service no rule names (as a local offer's import stores them). */
const DIRECTORY_TYPES = [...AGENCY_TYPES, 'other'] as const;

const ZAgencyDetails = z
  .object({
    name: z.string().trim().min(1).max(300),
    type: z.enum(DIRECTORY_TYPES),
    odsCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{3,10}$/i, 'must be an ODS code (3 to 10 letters and digits)')
      .nullable()
      .optional(),
    email: z.email().max(320).nullable().optional(),
    phone: z.string().trim().min(3).max(40).nullable().optional(),
    address: z.string().trim().max(500).nullable().optional(),
    website: ZWebAddress.nullable().optional(),
    services: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
    minAge: ZAge.optional(),
    maxAge: ZAge.optional(),
  })
  .strict();

const agesInOrder = (details: { minAge?: number | null; maxAge?: number | null }) =>
  typeof details.minAge !== 'number' || typeof details.maxAge !== 'number' || details.minAge <= details.maxAge;
const AGES_MESSAGE = { message: 'minAge is above maxAge', path: ['minAge'] };

const ZNewAgency = ZAgencyDetails.extend({
  areaId: z.uuid().optional().openapi({ description: 'Needed only by an administrator of every area' }),
})
  .refine(agesInOrder, AGES_MESSAGE)
  .openapi('NewAgency');
const ZAgencyChanges = ZAgencyDetails.partial().strict().refine(agesInOrder, AGES_MESSAGE).openapi('AgencyChanges');

const directory = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAgencies',
  tags: ['Agencies'],
  summary: 'The agency directory of your area (any signed-in user; an administrator of every area sees every area’s)',
  middleware: [requireRole()] as const,
  request: { query: z.object({ areaId: z.uuid().optional(), type: z.enum(AGENCY_TYPES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ZAgency) }), 'Agencies'), ...errorResponses(400, 401) },
});

const add = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addAgency',
  tags: ['Agencies'],
  summary: 'Add an agency to your area’s directory by hand (administrators)',
  middleware: [requireRole('administrator')] as const,
  request: { body: { content: { 'application/json': { schema: ZNewAgency } }, required: true } },
  responses: { 201: json(ZAgency, 'Added'), ...errorResponses(400, 401, 403) },
});

const change = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'changeAgency',
  tags: ['Agencies'],
  summary: 'Correct an agency’s details (administrators of its area)',
  middleware: [requireRole('administrator')] as const,
  request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZAgencyChanges } }, required: true } },
  responses: { 200: json(ZAgency, 'Changed'), ...errorResponses(400, 401, 403, 404) },
});

const areas = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAreas',
  tags: ['Agencies'],
  summary: 'Your local area (an administrator of every area: every area)',
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

const shown = ({ createdAt: _created, updatedAt: _updated, ...agency }: Agency) => agency;

/** Mounted at `/api/agencies` (see app.ts). */
export const agencyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(directory, async (c) => {
    const { db } = c.get('services');
    const { areaId, type } = c.req.valid('query');
    const agencies = await listAgencies(db, { areaId, type, withinAreas: await areasOf(db, signedInUser(c)) });
    return c.json({ items: agencies.map(shown) }, 200);
  })
  .openapi(add, async (c) => {
    const user = signedInUser(c);
    const { areaId, ...details } = c.req.valid('json');
    if (user.areaId && areaId && areaId !== user.areaId)
      throw new AppError('forbidden', 'You can only add agencies to your own area.', { field: 'areaId' });
    const area = user.areaId ?? areaId;
    if (!area) throw new AppError('invalid', 'areaId: choose the area the agency serves', { field: 'areaId' });
    const agency = await createAgency(c.get('services').db, { userId: user.id, role: user.role }, area, {
      odsCode: null,
      email: null,
      phone: null,
      address: null,
      website: null,
      services: [],
      minAge: null,
      maxAge: null,
      ...details,
    });
    return c.json(shown(agency), 201);
  })
  .openapi(change, async (c) => {
    const user = signedInUser(c);
    const agency = await updateAgency(
      c.get('services').db,
      { userId: user.id, role: user.role },
      user.areaId,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(shown(agency), 200);
  });

/** Mounted at `/api/areas` (see app.ts). */
export const areaRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(areas, async (c) => {
  const { db } = c.get('services');
  return c.json({ items: await listLocalAreas(db, await areasOf(db, signedInUser(c))) }, 200);
});
