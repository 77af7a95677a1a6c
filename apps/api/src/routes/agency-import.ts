import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, audit, importAgencies, localAreaExists, type AgencyFromOffer } from '@pathways/db';
import { AGENCY_TYPES } from '@pathways/engine';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { controlCharacterAt } from '../input-guard.ts';
import { errorResponses, json, ZWebAddress } from './schemas.ts';

/**
 * One Open Referral UK service with its organisation, eligibility (age range) and contacts,
 * the shape a local offer publishes. `agency_type` is our extension: which kind of agency it
 * is in the planner (unknown ones are stored as "other").
 */

const ZOrukService = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(300),
    description: z.string().max(5000).optional(),
    email: z.email().max(200).optional(),
    url: ZWebAddress.optional(),
    agency_type: z.enum(AGENCY_TYPES).optional(),
    organization: z.object({
      id: z.string().trim().min(1).max(200),
      name: z.string().trim().min(1).max(300),
      email: z.email().max(200).optional(),
      website: ZWebAddress.optional(),
      url: ZWebAddress.optional(),
    }),
    eligibilitys: z
      .array(
        z
          .object({
            minimum_age: z.number().int().min(0).max(120).optional(),
            maximum_age: z.number().int().min(0).max(120).optional(),
          })
          .refine((e) => e.minimum_age === undefined || e.maximum_age === undefined || e.minimum_age <= e.maximum_age, {
            message: 'minimum_age is above maximum_age',
            path: ['minimum_age'],
          }),
      )
      .optional(),
    contacts: z
      .array(
        z.object({
          name: z.string().optional(),
          email: z.email().optional(),
          phones: z.array(z.object({ number: z.string().min(3).max(40) })).optional(),
        }),
      )
      .optional(),
  })
  .openapi('OrukService', {
    description: 'One Open Referral UK service with its organisation, eligibility and contacts',
  });
type OrukService = z.infer<typeof ZOrukService>;

export type ImportProblem = { line: number; field: string; message: string };

/** Reads NDJSON (one service per line) or a JSON array (item n is "line" n), checking each. */
export function parseOrukServices(text: string): {
  services: { line: number; service: OrukService }[];
  problems: ImportProblem[];
} {
  const trimmed = text.trim();
  let items: { line: number; raw: unknown }[];
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return {
        services: [],
        problems: [{ line: 1, field: 'body', message: `not valid JSON: ${(error as Error).message}` }],
      };
    }
    if (!Array.isArray(parsed))
      return { services: [], problems: [{ line: 1, field: 'body', message: 'expected a JSON array of services' }] };
    items = (parsed as unknown[]).map((raw, index) => ({ line: index + 1, raw }));
  } else {
    items = text.split(/\r?\n/).flatMap((raw, index) => (raw.trim() === '' ? [] : [{ line: index + 1, raw }]));
  }
  const services: { line: number; service: OrukService }[] = [];
  const problems: ImportProblem[] = [];
  for (const { line, raw } of items) {
    let value: unknown = raw;
    if (typeof raw === 'string') {
      try {
        value = JSON.parse(raw);
      } catch {
        problems.push({ line, field: 'line', message: 'not valid JSON' });
        continue;
      }
    }
    // A control character (a NUL cannot even be stored) spoils its own line only.
    const unreadable = controlCharacterAt(value);
    if (unreadable !== null) {
      problems.push({ line, field: unreadable, message: 'must not contain control characters' });
      continue;
    }
    const result = ZOrukService.safeParse(value);
    if (result.success) services.push({ line, service: result.data });
    else {
      const issue = result.error.issues[0];
      problems.push({ line, field: issue?.path.join('.') || 'service', message: issue?.message ?? 'invalid' });
    }
  }
  return { services, problems };
}

/**
 * One agency per organisation in the offer, with its services, ages and contacts merged.
 * Organisations keep their id in the feed, which is how later imports find them again.
 */
function agenciesOfOffer(services: readonly { service: OrukService }[]): AgencyFromOffer[] {
  const byOrganisation = new Map<string, OrukService[]>();
  for (const { service } of services)
    byOrganisation.set(service.organization.id, [...(byOrganisation.get(service.organization.id) ?? []), service]);
  return [...byOrganisation.values()].map((group) => {
    const [first] = group as [OrukService, ...OrukService[]];
    const ages = group.flatMap((service) => service.eligibilitys ?? []);
    const minimums = ages.flatMap((age) => (age.minimum_age === undefined ? [] : [age.minimum_age]));
    const maximums = ages.flatMap((age) => (age.maximum_age === undefined ? [] : [age.maximum_age]));
    const contact = group.flatMap((service) => service.contacts ?? [])[0];
    return {
      externalId: first.organization.id,
      name: first.organization.name,
      type: first.agency_type ?? 'other',
      email: first.organization.email ?? first.email ?? contact?.email ?? null,
      phone: contact?.phones?.[0]?.number ?? null,
      website: first.organization.website ?? first.organization.url ?? first.url ?? null,
      services: [...new Set(group.map((service) => service.name))],
      minAge: minimums.length > 0 ? Math.min(...minimums) : null,
      maxAge: maximums.length > 0 ? Math.max(...maximums) : null,
    };
  });
}

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  operationId: 'importAgencies',
  tags: ['Agencies'],
  summary:
    'Load a local offer in the Open Referral UK shape (administrators): good lines imported, bad lines reported and skipped',
  middleware: [requireRole('administrator')] as const,
  description:
    'Body: NDJSON (`application/x-ndjson`, one ORUK service with its organization, eligibilitys and contacts per line) or a JSON array of them. Each line is checked on its own (not by the route validator), so one bad line cannot stop the rest.',
  request: {
    query: z.object({ areaId: z.uuid() }),
    // Described, not validated here: each line is checked on its own in the handler.
    body: {
      required: true,
      content: {
        'application/x-ndjson': { schema: { type: 'string', description: 'One OrukService (JSON) per line' } },
        'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/OrukService' } } },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        servicesRead: z.number().int(),
        agenciesCreated: z.number().int(),
        agenciesUpdated: z.number().int(),
        problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
      }),
      'What was imported, and what was skipped and why',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const agencyImportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  importRoute,
  async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const { areaId } = c.req.valid('query');
    if (user.areaId && areaId !== user.areaId)
      throw new AppError('forbidden', 'You can only load the directory of your own area.', { field: 'areaId' });
    if (!(await localAreaExists(db, areaId)))
      throw new AppError('invalid', 'areaId: no such local area', { field: 'areaId' });
    const { services, problems } = parseOrukServices(await c.req.text());
    const counts =
      services.length > 0 ? await importAgencies(db, areaId, agenciesOfOffer(services)) : { created: 0, updated: 0 };
    await audit(
      db,
      { userId: user.id, role: user.role },
      {
        action: 'import',
        entityType: 'Agency',
        detail: { services: services.length, problems: problems.length, ...counts },
      },
    );
    return c.json(
      { servicesRead: services.length, agenciesCreated: counts.created, agenciesUpdated: counts.updated, problems },
      200,
    );
  },
);
agencyImportRoutes.openAPIRegistry.register('OrukService', ZOrukService);
