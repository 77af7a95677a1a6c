import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  CONTRIBUTOR_ROLES,
  audit,
  auditList,
  createYoungPerson,
  eraseYoungPerson,
  engineEventOf,
  isoDay,
  listPathwayEvents,
  listYoungPeopleOfArea,
  namedWorkerName,
  profileOf,
  recordPathwayEvent,
  withdrawPathwayEvent,
  updateYoungPerson,
  ZYoungPersonChanges,
  ZYoungPersonInput,
  type YoungPerson,
} from '@pathways/db';
import { buildPlan, PATHWAYS } from '@pathways/engine';
import { NOWHERE, recordablePathways, recordOfRequest, requireMayRecord, requirePart, STAFF_ROLES } from '../access.ts';
import { eventVisible, planWithin, recordWithin } from '../sharing.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { exportPlanBundle } from '../fhir/load-plan-bundle.ts';
import { ZPlan } from './plan-schema.ts';
import {
  errorResponses,
  FHIR_JSON,
  fhirJson,
  json,
  type FhirBundle,
  ZIdParam,
  ZPageNumber,
  ZVersionNumber,
} from './schemas.ts';

const ZYoungPerson = z
  .object({
    id: z.string(),
    areaId: z.string(),
    namedWorkerId: z.string().nullable(),
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.string().openapi({ example: '2012-03-03' }),
    nhsNumber: z.string().nullable(),
    jurisdiction: z.string(),
    yearGroupOffset: z.number().int(),
    ehcPlanIssuedOn: z.string().nullable().openapi({ description: 'When the EHC plan was first issued, if known' }),
    aboutMe: z.string().nullable(),
    namedWorkerName: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Who will help: the named worker (on reading one record)' }),
    mayRecordOn: z.array(z.enum(PATHWAYS)).optional().openapi({
      description:
        'The pathways the reader may record events on (on reading one record): staff every one, another agency those it leads',
    }),
    version: z.number().int(),
  })
  .catchall(z.unknown())
  .openapi('YoungPerson');

/** The record as the API shows it: dates as ISO calendar dates. */
function present(person: YoungPerson) {
  const { planDigest: _digest, ...record } = person;
  return {
    ...record,
    dateOfBirth: isoDay(person.dateOfBirth),
    ehcPlanIssuedOn: person.ehcPlanIssuedOn ? isoDay(person.ehcPlanIssuedOn) : null,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

const ZEventBody = z
  .object({
    version: ZVersionNumber.openapi({
      description: 'The record version you read; a newer one means someone else changed it (409).',
    }),
    event: z
      .object({
        type: z.string().openapi({ example: 'education.annual_review_held' }),
        date: z.string().openapi({ example: '2026-03-02' }),
      })
      .catchall(z.unknown()),
  })
  .openapi('RecordEvent');

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listYoungPeople',
  tags: ['Young people'],
  summary: 'Young people of your area (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    query: z.object({
      search: z.string().max(100).optional(),
      namedWorkerId: z
        .union([z.uuid(), z.literal('none')])
        .optional()
        .openapi({ description: 'One named worker’s young people; `none`: those without one' }),
      page: ZPageNumber,
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(ZYoungPerson), total: z.number().int() }), 'A page of young people'),
    ...errorResponses(400, 401, 403),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addYoungPerson',
  tags: ['Young people'],
  summary: 'Add a young person to your area (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    body: { content: { 'application/json': { schema: ZYoungPersonInput.omit({ areaId: true }) } }, required: true },
  },
  responses: { 201: json(ZYoungPerson, 'Created, with their plan'), ...errorResponses(400, 401, 403, 409) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getYoungPerson',
  tags: ['Young people'],
  summary: 'One young person’s record',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: json(ZYoungPerson, 'The record'), ...errorResponses(401, 404) },
});

const change = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'changeYoungPerson',
  tags: ['Young people'],
  summary:
    'Correct or change a record (staff of the area), naming the version you read; each changed field is kept in its correction history',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            version: ZVersionNumber,
            changes: ZYoungPersonChanges.omit({ areaId: true }),
            reason: z.string().trim().max(1000).optional().openapi({ description: 'Why (kept with the correction)' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ZYoungPerson, 'Changed and re-planned'), ...errorResponses(400, 401, 403, 404, 409) },
});

const erase = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'eraseYoungPerson',
  tags: ['Young people'],
  summary:
    'Erase a young person and everything about them (team managers of the area); the audit trail keeps only the id',
  middleware: [requireRole('team_manager')] as const,
  request: { params: ZIdParam, query: z.object({ version: z.coerce.number().pipe(ZVersionNumber) }) },
  responses: { 204: { description: 'Erased' }, ...errorResponses(400, 401, 403, 404, 409) },
});

const plan = createRoute({
  method: 'get',
  path: '/{id}/plan',
  operationId: 'getPlan',
  tags: ['Plans'],
  summary: 'The plan as of today, with an explanation for every milestone',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: json(ZPlan, 'The plan'), ...errorResponses(401, 404) },
});

const fhirExport = createRoute({
  method: 'get',
  path: '/{id}/fhir',
  operationId: 'getPlanFhir',
  tags: ['Plans'],
  summary: 'The plan as an HL7 FHIR R4 Bundle (Patient, CarePlan per pathway, Goal, CareTeam)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: fhirJson('An HL7 FHIR R4 Bundle (type collection)'), ...errorResponses(401, 403, 404) },
});

const events = createRoute({
  method: 'get',
  path: '/{id}/events',
  operationId: 'listEvents',
  tags: ['Plans'],
  summary: 'The dated event log',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ id: z.string(), type: z.string(), date: z.string() }).catchall(z.unknown())),
      }),
      'Events in date order',
    ),
    ...errorResponses(401, 404),
  },
});

const record = createRoute({
  method: 'post',
  path: '/{id}/events',
  operationId: 'recordEvent',
  tags: ['Plans'],
  summary:
    'Record what happened (validated by the pathway machines): staff of the area, or another agency on a pathway it leads',
  middleware: [requireRole(...STAFF_ROLES, ...CONTRIBUTOR_ROLES)] as const,
  request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZEventBody } }, required: true } },
  responses: {
    201: json(z.object({ eventId: z.string(), version: z.number().int(), plan: ZPlan }), 'Recorded; the new plan'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const withdraw = createRoute({
  method: 'delete',
  path: '/{id}/events/{eventId}',
  operationId: 'withdrawEvent',
  tags: ['Plans'],
  summary: 'Undo an event recorded by mistake: it is kept on the record but no longer counts',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZIdParam.extend({ eventId: z.uuid().openapi({ param: { name: 'eventId', in: 'path' } }) }),
    query: z.object({ version: z.coerce.number().pipe(ZVersionNumber) }),
  },
  responses: {
    200: json(z.object({ version: z.number().int(), plan: ZPlan }), 'Undone; the new plan'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

export const youngPeopleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const { items, total } = await listYoungPeopleOfArea(db, {
      areaId: user.areaId ?? NOWHERE,
      ...c.req.valid('query'),
    });
    await auditList(
      db,
      { userId: user.id, role: user.role },
      'YoungPerson',
      items.map((person) => person.id),
      { count: items.length, searched: Boolean(c.req.valid('query').search) },
    );
    return c.json({ items: items.map(present), total }, 200);
  })
  .openapi(create, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    if (!user?.areaId) throw new AppError('forbidden', 'You are not attached to a local area.');
    const person = await createYoungPerson({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      input: { ...c.req.valid('json'), areaId: user.areaId },
      today: today(services),
    });
    return c.json(present(person), 201);
  })
  .openapi(read, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { person, parts, user, services } = access;
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'YoungPerson', entityId: person.id, youngPersonId: person.id },
    );
    return c.json(
      {
        ...recordWithin(present(person), parts),
        namedWorkerName: await namedWorkerName(services.db, person),
        mayRecordOn: await recordablePathways(services.db, access),
      },
      200,
    );
  })
  .openapi(change, async (c) => {
    const { person, user, services, day } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    const { version, changes, reason } = c.req.valid('json');
    const changed = await updateYoungPerson({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      id: person.id,
      expectedVersion: version,
      changes,
      reason,
      today: day,
    });
    return c.json(present(changed), 200);
  })
  .openapi(erase, async (c) => {
    const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    await eraseYoungPerson({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      id: person.id,
      expectedVersion: c.req.valid('query').version,
    });
    return c.body(null, 204);
  })
  .openapi(plan, async (c) => {
    const { person, parts, user, services, day } = await recordOfRequest(c, c.req.valid('param').id);
    requirePart(parts, 'plan');
    const log = await listPathwayEvents(services.db, person.id, 'recorded');
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'Plan', entityId: person.id, youngPersonId: person.id },
    );
    const plan = buildPlan(profileOf(person), log.map(engineEventOf), { asOf: day, language: readerLanguage(c) });
    return c.json(planWithin(plan, parts), 200);
  })
  .openapi(fhirExport, async (c) => {
    const { person, parts, user, services, day } = await recordOfRequest(c, c.req.valid('param').id);
    requirePart(parts, 'plan');
    const bundle = await exportPlanBundle(
      services,
      { userId: user.id, role: user.role },
      {
        person,
        parts,
        day,
        origin: new URL(c.req.url).origin,
      },
    );
    return c.json(bundle as FhirBundle, 200, FHIR_JSON);
  })
  .openapi(events, async (c) => {
    const { person, parts, user, services } = await recordOfRequest(c, c.req.valid('param').id);
    requirePart(parts, 'plan');
    const all = await listPathwayEvents(services.db, person.id, 'dated');
    const log = all.filter((row) => eventVisible(parts, row.type));
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'PathwayEvent', youngPersonId: person.id },
    );
    return c.json(
      {
        items: log.map((row) => ({
          ...engineEventOf(row),
          id: row.id,
          recordedAt: row.recordedAt.toISOString(),
          recordedById: row.recordedById,
        })),
      },
      200,
    );
  })
  .openapi(record, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { person, user, services, day } = access;
    const { version, event } = c.req.valid('json');
    await requireMayRecord(services.db, access, event.type);
    const result = await recordPathwayEvent({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      youngPersonId: person.id,
      expectedVersion: version,
      event,
      today: day,
    });
    return c.json({ eventId: result.eventId, version: result.version, plan: result.plan }, 201);
  })
  .openapi(withdraw, async (c) => {
    const { id, eventId } = c.req.valid('param');
    const { person, user, services, day } = await recordOfRequest(c, id, 'change');
    const result = await withdrawPathwayEvent({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      youngPersonId: person.id,
      eventId,
      expectedVersion: c.req.valid('query').version,
      today: day,
    });
    return c.json({ version: result.version, plan: result.plan }, 200);
  });
