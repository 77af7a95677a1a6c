import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  audit,
  findService,
  isoDay,
  openActionsOf,
  placesOfOffer,
  searchServices,
  servicesForTopics,
  type OfferedService,
} from '@pathways/db';
import { ageInYears, SERVICE_TOPICS, topicsForMilestone, topicsOfText } from '@pathways/engine';
import { areasOf, recordOfRequest } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { openSteps } from '../local-offer/open-steps.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

const ZServiceSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    agencyName: z.string(),
    summary: z.string().nullable().openapi({ description: 'The first sentence or so of its description' }),
    topics: z.array(z.enum(SERVICE_TOPICS)),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    isFree: z.boolean().nullable(),
    status: z.string().openapi({ description: 'active, temporarily closed, or inactive (no longer offered)' }),
    mayReferTo: z.boolean().openapi({ description: 'A referral can be e-mailed to it' }),
  })
  .openapi('ServiceSummary');

const ZService = ZServiceSummary.extend({
  agencyId: z.string(),
  agencyWebsite: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  howToGet: z.string().nullable(),
  eligibility: z.string().nullable(),
  cost: z.string().nullable(),
  languages: z.array(z.string()),
  accessibility: z.array(z.string()),
  serviceAreas: z.array(z.string()),
  taxonomy: z.array(z.string()),
  locations: z.array(
    z.object({ name: z.string().nullable(), address: z.string().nullable(), postcode: z.string().nullable() }),
  ),
  contacts: z.array(
    z.object({
      name: z.string().nullable(),
      title: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  schedules: z.array(z.string()),
}).openapi('Service');

/** The first sentence (or 200 characters) of a description: enough for a list. */
function summaryOf(description: string | null): string | null {
  if (!description) return null;
  const first = /^[^\n]*?[.!?](\s|$)/.exec(description)?.[0] ?? description.split('\n')[0] ?? description;
  return first.length > 200 ? `${first.slice(0, 199).trimEnd()}…` : first.trim();
}

export const summaryOfService = (service: OfferedService): z.infer<typeof ZServiceSummary> => ({
  id: service.id,
  name: service.name,
  agencyName: service.agency.name,
  summary: summaryOf(service.description),
  topics: service.topics.filter((topic): topic is (typeof SERVICE_TOPICS)[number] =>
    (SERVICE_TOPICS as readonly string[]).includes(topic),
  ),
  minAge: service.minAge,
  maxAge: service.maxAge,
  isFree: service.isFree,
  status: service.status,
  mayReferTo: service.referralEmail !== null && service.status === 'active',
});

const shownService = (service: OfferedService): z.infer<typeof ZService> => ({
  ...summaryOfService(service),
  agencyId: service.agency.id,
  agencyWebsite: service.agency.website,
  description: service.description,
  url: service.url,
  email: service.email,
  phone: service.phone,
  howToGet: service.howToGet,
  eligibility: service.eligibility,
  cost: service.cost,
  languages: service.languages,
  accessibility: service.accessibility,
  serviceAreas: service.serviceAreas,
  taxonomy: service.taxonomy,
  locations: service.locations,
  contacts: service.contacts,
  schedules: service.schedules,
});

const PAGE = 20;

const search = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchServices',
  tags: ['Local offer'],
  summary:
    'Search the local offer of your area: by what it helps with, age, place, cost and words (anyone signed in; a young person or family: their own area’s)',
  middleware: [requireRole()] as const,
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .max(200)
        .optional()
        .openapi({ description: 'Words in its name, description or organisation' }),
      topic: z.enum(SERVICE_TOPICS).optional(),
      age: z.coerce.number().int().min(0).max(120).optional(),
      place: z
        .string()
        .trim()
        .max(500)
        .optional()
        .openapi({ description: 'One of `places`: offered there or everywhere' }),
      free: z.enum(['true', 'false']).optional().openapi({ description: 'true: free services only' }),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      perPage: z.coerce.number().int().min(1).max(100).default(PAGE),
    }),
  },
  responses: {
    200: json(
      z.object({
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
        items: z.array(ZServiceSummary),
        places: z.array(z.string()).openapi({ description: 'Where services are offered, to choose from' }),
      }),
      'Services, by name',
    ),
    ...errorResponses(400, 401),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getService',
  tags: ['Local offer'],
  summary: 'One service: what it does, who it is for, how to get it, where and when',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: json(ZService, 'The service'), ...errorResponses(400, 401, 404) },
});

const helpful = createRoute({
  method: 'get',
  path: '/{id}/helpful-services',
  operationId: 'helpfulServices',
  tags: ['Local offer'],
  summary:
    'Services of the young person’s area, for their age, that can help with each step of their plan still to do (that the caller may see) and each action',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: {
    200: json(
      z.object({
        age: z.number().int(),
        byMilestone: z.record(z.string(), z.array(ZServiceSummary)).openapi({
          description: 'For each step of the plan still to do (that the caller may see)',
        }),
        byAction: z.record(z.string(), z.array(ZServiceSummary)),
      }),
      'Up to three services per step and per action',
    ),
    ...errorResponses(401, 404),
  },
});

/** Services shown beside each milestone or action. */
const PER_TOPIC = 3;

/** Mounted at `/api/services` (see app.ts). */
export const serviceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(search, async (c) => {
    const { db } = c.get('services');
    const { q, topic, age, place, free, page, perPage } = c.req.valid('query');
    const withinAreas = await areasOf(db, signedInUser(c));
    const [found, places] = await Promise.all([
      searchServices(db, {
        withinAreas,
        text: q || undefined,
        topic,
        age,
        place: place || undefined,
        freeOnly: free === 'true',
        limit: perPage,
        offset: (page - 1) * perPage,
      }),
      placesOfOffer(db, withinAreas),
    ]);
    return c.json(
      { total: found.total, page, pageSize: perPage, items: found.items.map(summaryOfService), places },
      200,
    );
  })
  .openapi(one, async (c) => {
    const { db } = c.get('services');
    const service = await findService(db, c.req.valid('param').id, await areasOf(db, signedInUser(c)));
    if (!service) throw new AppError('not_found', 'No such service.');
    return c.json(shownService(service), 200);
  });

/** Mounted at `/api/young-people` (see app.ts). */
export const helpfulServiceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  helpful,
  async (c) => {
    const { person, parts, user, services, day } = await recordOfRequest(c, c.req.valid('param').id);
    const age = ageInYears(isoDay(person.dateOfBirth), person.jurisdiction, day);
    // Only the steps the caller may see: the services beside a step say what it is about.
    const steps = await openSteps(services.db, person, parts, day);
    const stepTopics = new Map(steps.map((step) => [step.id, topicsForMilestone(step.id, step.pathway)]));
    const actions = parts.has('plan') ? await openActionsOf(services.db, person.id) : [];
    const actionTopics = new Map(actions.map((action) => [action.id, topicsOfText(action.description)]));
    const topics = [...new Set([...stepTopics.values(), ...actionTopics.values()].flat())];
    const byTopic = await servicesForTopics(services.db, { areaId: person.areaId, age, topics, perTopic: PER_TOPIC });
    const servicesOf = (of: readonly string[]) => {
      const seen = new Map<string, OfferedService>();
      for (const topic of of) for (const service of byTopic.get(topic) ?? []) seen.set(service.id, service);
      return [...seen.values()].slice(0, PER_TOPIC).map(summaryOfService);
    };
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'HelpfulServices', entityId: person.id, youngPersonId: person.id },
    );
    return c.json(
      {
        age,
        byMilestone: Object.fromEntries([...stepTopics].map(([id, of]) => [id, servicesOf(of)])),
        byAction: Object.fromEntries([...actionTopics].map(([id, of]) => [id, servicesOf(of)])),
      },
      200,
    );
  },
);
