import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  localAreaExists,
  offerFeedOf,
  saveOfferFeed,
  type PrismaClient,
  type SessionUser,
} from '@pathways/db';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { fetchAndImport, importRead } from '../local-offer/offer-import.ts';
import { readOffer } from '../local-offer/oruk.ts';
import { errorResponses, json, ZWebAddress } from './schemas.ts';

const ZNote = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

const ZImportReport = z
  .object({
    servicesRead: z.number().int(),
    servicesCreated: z.number().int(),
    servicesUpdated: z.number().int(),
    servicesUnchanged: z.number().int(),
    servicesWithdrawn: z.number().int().openapi({ description: 'Imported before, inactive in the feed now' }),
    agenciesCreated: z.number().int(),
    agenciesUpdated: z.number().int(),
    skipped: z.array(
      z.object({ line: z.number().int(), id: z.string(), name: z.string().nullable(), reason: z.string() }),
    ),
    warnings: z
      .array(ZNote)
      .openapi({ description: 'Values changed or left out on the way in; the service was imported' }),
    problems: z.array(ZNote).openapi({ description: 'Records refused, and why' }),
  })
  .openapi('OfferImportReport');

/** Checks the area an administrator names: their own (or, for the installation's administrator, any that exists). */
async function areaOfAdministrator(db: PrismaClient, user: SessionUser, areaId: string | undefined): Promise<string> {
  if (user.areaId && areaId && areaId !== user.areaId)
    throw new AppError('forbidden', 'You can only load the directory of your own area.', { field: 'areaId' });
  const area = areaId ?? user.areaId;
  if (!area || !(await localAreaExists(db, area)))
    throw new AppError('invalid', 'areaId: no such local area', { field: 'areaId' });
  return area;
}

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  operationId: 'importAgencies',
  tags: ['Local offer'],
  summary:
    'Load a local offer in the Open Referral UK shape, v1 or v3 (administrators): services kept with what they say, values coerced with warnings, inactive ones skipped, refused ones reported',
  middleware: [requireRole('administrator')] as const,
  description:
    'Body: NDJSON (one ORUK service per line), a JSON array of services, a page of an ORUK API (`{"content": [...]}` or `{"contents": [...]}`) or one service. Organisations and services are matched on their ids in the feed; importing the same feed again changes nothing.',
  request: {
    query: z.object({ areaId: z.uuid().optional() }),
    // Described, not validated here: each record is read on its own in the handler.
    body: {
      required: true,
      content: {
        'application/x-ndjson': { schema: { type: 'string', description: 'One ORUK service (JSON) per line' } },
        'application/json': { schema: { type: 'object', description: 'ORUK services: a list, a page or one' } },
      },
    },
  },
  responses: { 200: json(ZImportReport, 'What was imported, skipped and refused'), ...errorResponses(400, 401, 403) },
});

const fetchRoute = createRoute({
  method: 'post',
  path: '/fetch',
  operationId: 'fetchLocalOffer',
  tags: ['Local offer'],
  summary:
    'Fetch and import a council’s Open Referral UK API now, page by page, and (if asked) every day (administrators)',
  middleware: [requireRole('administrator')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              areaId: z.uuid().optional().openapi({ description: 'Needed only by an administrator of every area' }),
              url: ZWebAddress.openapi({ description: 'The feed’s services address, e.g. https://…/api/services' }),
              daily: z.boolean().default(false).openapi({ description: 'Save it and fetch it every day' }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: json(ZImportReport.extend({ pages: z.number().int() }), 'What was imported'),
    ...errorResponses(400, 401, 403, 422),
  },
});

const ZFeed = z.object({
  url: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastResult: z.record(z.string(), z.unknown()).nullable(),
});

const feedRoute = createRoute({
  method: 'get',
  path: '/feed',
  operationId: 'getOfferFeed',
  tags: ['Local offer'],
  summary: 'The feed fetched every day for your area, and what its last fetch did (administrators)',
  middleware: [requireRole('administrator')] as const,
  request: { query: z.object({ areaId: z.uuid().optional() }) },
  responses: { 200: json(ZFeed, 'The saved feed (url null: none)'), ...errorResponses(400, 401, 403) },
});

const forgetRoute = createRoute({
  method: 'delete',
  path: '/feed',
  operationId: 'forgetOfferFeed',
  tags: ['Local offer'],
  summary: 'Stop fetching the feed every day (administrators); the services stay',
  middleware: [requireRole('administrator')] as const,
  request: { query: z.object({ areaId: z.uuid().optional() }) },
  responses: { 204: { description: 'Forgotten' }, ...errorResponses(400, 401, 403) },
});

const actorOf = (user: SessionUser) => ({ userId: user.id, role: user.role });

/** Mounted at `/api/agencies` (see app.ts). */
export const agencyImportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(importRoute, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const areaId = await areaOfAdministrator(db, user, c.req.valid('query').areaId);
    const offer = readOffer(await c.req.text());
    return c.json(await importRead(db, actorOf(user), areaId, offer, 'upload'), 200);
  })
  .openapi(fetchRoute, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { areaId: named, url, daily } = c.req.valid('json');
    const areaId = await areaOfAdministrator(services.db, user, named);
    if (daily) await saveOfferFeed(services.db, areaId, url);
    return c.json(await fetchAndImport(services, actorOf(user), areaId, url), 200);
  })
  .openapi(feedRoute, async (c) => {
    const { db } = c.get('services');
    const areaId = await areaOfAdministrator(db, signedInUser(c), c.req.valid('query').areaId);
    const feed = await offerFeedOf(db, areaId);
    return c.json(
      {
        url: feed?.url ?? null,
        lastFetchedAt: feed?.lastFetchedAt?.toISOString() ?? null,
        lastResult: (feed?.lastResult as Record<string, unknown> | null) ?? null,
      },
      200,
    );
  })
  .openapi(forgetRoute, async (c) => {
    const { db } = c.get('services');
    const areaId = await areaOfAdministrator(db, signedInUser(c), c.req.valid('query').areaId);
    await saveOfferFeed(db, areaId, null);
    return c.body(null, 204);
  });
