import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  audit,
  auditList,
  displayName,
  draftHandover,
  editHandoverDraft,
  handoverTarget,
  findYoungPerson,
  handoverVersions,
  PACK_FIELDS,
  postMessageIn,
  publishHandoverVersion,
  type SessionUser,
  type Tx,
  HANDOVER_LEAD_MONTHS,
  isoDay,
  listHandovers,
  moveHandover,
  type HandoverStep,
  type HandoverWithParties,
  type PrismaClient,
} from '@pathways/db';
import { isoToDay, ZIsoDate } from '@pathways/engine';
import type { Context } from 'hono';
import { NOWHERE, recordOfRequest, STAFF_ROLES } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { exportPlanBundle } from '../fhir/load-plan-bundle.ts';
import { documentsWithin } from '../documents/document-access.ts';
import { handoverFor } from '../handovers/handover-access.ts';
import { recipientsOf, threadOfRequest } from '../messages/thread-access.ts';
import { partsSharedWith, scopesSharedWith } from '../sharing.ts';
import { errorResponses, FHIR_JSON, fhirJson, json, type FhirBundle, ZIdParam, ZVersionNumber } from './schemas.ts';

const STATUSES = ['draft', 'sent', 'acknowledged', 'info_requested'] as const;

const ZHandover = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    youngPersonName: z.string(),
    toAgencyId: z.string(),
    toAgencyName: z.string(),
    status: z.enum(STATUSES),
    dueBy: z.string(),
    expectedTransfer: z.string().nullable(),
    /** Days from today to the expected transfer (or the 18th birthday): the lead time left. */
    daysToTransfer: z.number().int(),
    summary: z.string(),
    whatMatters: z.string().nullable(),
    needs: z.string().nullable(),
    currentSupport: z.string().nullable(),
    contacts: z.string().nullable(),
    pendingDecisions: z.string().nullable(),
    infoRequest: z.string().nullable(),
    sentAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    version: z.number().int(),
    packVersion: z.number().int().openapi({ description: 'The pack’s published version: 0 while a draft' }),
  })
  .openapi('Handover');

/** One handover as its page shows it: with the documents shared with its agency. */
const ZHandoverPack = ZHandover.extend({
  documents: z.array(
    z.object({ id: z.string(), type: z.string(), title: z.string(), fileName: z.string(), byteSize: z.number().int() }),
  ),
}).openapi('HandoverPack');

const ZPackFields = z.object({
  summary: z.string().trim().min(1).max(10_000),
  whatMatters: z.string().max(10_000).optional(),
  needs: z.string().max(10_000).optional(),
  currentSupport: z.string().max(10_000).optional(),
  contacts: z.string().max(10_000).optional(),
  pendingDecisions: z.string().max(10_000).optional(),
});

function present(handover: HandoverWithParties, day: string) {
  const { youngPerson, toAgency, createdAt: _c, updatedAt: _u, fromUserId: _f, ...rest } = handover;
  const target = handover.expectedTransfer ? isoDay(handover.expectedTransfer) : handoverTarget(youngPerson, null).day;
  return {
    ...rest,
    youngPersonName: displayName(youngPerson),
    toAgencyName: toAgency.name,
    dueBy: isoDay(handover.dueBy),
    expectedTransfer: handover.expectedTransfer ? isoDay(handover.expectedTransfer) : null,
    daysToTransfer: isoToDay(target) - isoToDay(day),
    sentAt: handover.sentAt?.toISOString() ?? null,
    acknowledgedAt: handover.acknowledgedAt?.toISOString() ?? null,
  };
}

/**
 * Moves a handover the caller may see one step on (naming the version they read), after any
 * check the step needs, and answers with it as the API shows it.
 */
async function moveOn(
  c: Context<AppEnv>,
  handoverId: string,
  move: { version: number; step: HandoverStep; infoRequest?: string; alongside?: (tx: Tx) => Promise<unknown> },
  check?: (handover: HandoverWithParties, db: PrismaClient) => Promise<void>,
) {
  const services = c.get('services');
  const user = signedInUser(c);
  const { handover } = await handoverFor(services.db, user, handoverId);
  await check?.(handover, services.db);
  const moved = await moveHandover({
    db: services.db,
    actor: { userId: user.id, role: user.role },
    handover,
    ...move,
    now: services.now(),
  });
  return present(moved, today(services));
}

const ZHandoverParam = z.object({ handoverId: z.uuid().openapi({ param: { name: 'handoverId', in: 'path' } }) });
const ZVersion = z.object({ version: ZVersionNumber });

const create = createRoute({
  method: 'post',
  path: '/{id}/handovers',
  operationId: 'draftHandover',
  tags: ['Handovers'],
  summary: 'Draft a handover pack to an adult agency (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              toAgencyId: z.uuid(),
              expectedTransfer: ZIsoDate.optional(),
              dueBy: ZIsoDate.optional().openapi({
                description: `Defaults to ${HANDOVER_LEAD_MONTHS} months before the 18th birthday or the transfer, whichever is first; may not be later than that`,
              }),
            })
            .extend(ZPackFields.shape),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(ZHandover, 'Drafted'), ...errorResponses(400, 401, 403, 404) },
});
const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listHandovers',
  tags: ['Handovers'],
  summary: 'Staff: handovers from your area. Adult services: your inbox, soonest transfer first',
  middleware: [requireRole(...STAFF_ROLES, 'adult_services')] as const,
  request: { query: z.object({ status: z.enum(STATUSES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ZHandover) }), 'Handovers'), ...errorResponses(400, 401, 403) },
});
const read = createRoute({
  method: 'get',
  path: '/{handoverId}',
  operationId: 'getHandover',
  tags: ['Handovers'],
  summary: 'One handover pack',
  middleware: [requireRole(...STAFF_ROLES, 'adult_services')] as const,
  request: { params: ZHandoverParam },
  responses: { 200: json(ZHandoverPack, 'The pack'), ...errorResponses(401, 403, 404) },
});
const fhirExport = createRoute({
  method: 'get',
  path: '/{handoverId}/fhir',
  operationId: 'getHandoverFhir',
  tags: ['Handovers'],
  summary: 'The handover as an HL7 FHIR R4 document Bundle (Composition, Patient, CarePlans, Goals, CareTeam)',
  middleware: [requireRole(...STAFF_ROLES, 'adult_services')] as const,
  request: { params: ZHandoverParam },
  responses: { 200: fhirJson('An HL7 FHIR R4 document Bundle led by a Composition'), ...errorResponses(401, 403, 404) },
});

const send = createRoute({
  method: 'post',
  path: '/{handoverId}/send',
  operationId: 'sendHandover',
  tags: ['Handovers'],
  summary: 'Send the pack to the adult agency (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { params: ZHandoverParam, body: { content: { 'application/json': { schema: ZVersion } }, required: true } },
  responses: { 200: json(ZHandover, 'Sent'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const acknowledge = createRoute({
  method: 'post',
  path: '/{handoverId}/acknowledge',
  operationId: 'acknowledgeHandover',
  tags: ['Handovers'],
  summary: 'Acknowledge receipt (adult services)',
  middleware: [requireRole('adult_services')] as const,
  request: { params: ZHandoverParam, body: { content: { 'application/json': { schema: ZVersion } }, required: true } },
  responses: { 200: json(ZHandover, 'Acknowledged'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const requestInfo = createRoute({
  method: 'post',
  path: '/{handoverId}/request-info',
  operationId: 'requestHandoverInfo',
  tags: ['Handovers'],
  summary: 'Ask the sender for more information (adult services)',
  middleware: [requireRole('adult_services')] as const,
  request: {
    params: ZHandoverParam,
    body: {
      content: { 'application/json': { schema: ZVersion.extend({ message: z.string().trim().min(1).max(5000) }) } },
      required: true,
    },
  },
  responses: { 200: json(ZHandover, 'Asked'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

const edit = createRoute({
  method: 'put',
  path: '/{handoverId}',
  operationId: 'editHandoverDraft',
  tags: ['Handovers'],
  summary: 'Rewrite a draft pack, naming the version you read (staff); a sent pack changes by publishing',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZHandoverParam,
    body: { content: { 'application/json': { schema: ZVersion.extend(ZPackFields.shape) } }, required: true },
  },
  responses: { 200: json(ZHandover, 'Saved'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const publish = createRoute({
  method: 'post',
  path: '/{handoverId}/publish',
  operationId: 'publishHandoverVersion',
  tags: ['Handovers'],
  summary:
    'Publish a changed pack as its next version (staff): the agency sees what changed and acknowledges afresh; a note goes in the handover’s conversation',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZHandoverParam,
    body: {
      content: {
        'application/json': {
          schema: ZVersion.extend(ZPackFields.shape).extend({ note: z.string().trim().max(5000).optional() }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ZHandover, 'Published'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const versions = createRoute({
  method: 'get',
  path: '/{handoverId}/versions',
  operationId: 'listHandoverVersions',
  tags: ['Handovers'],
  summary: 'Each published version of the pack, newest first, with what it changed',
  middleware: [requireRole(...STAFF_ROLES, 'adult_services')] as const,
  request: { params: ZHandoverParam },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            version: z.number().int(),
            publishedAt: z.string(),
            note: z.string().nullable(),
            changed: z.array(z.enum(PACK_FIELDS)),
            pack: z.record(z.string(), z.string().nullable()),
          }),
        ),
      }),
      'Versions',
    ),
    ...errorResponses(401, 403, 404),
  },
});

/** Mounted at `/api/handovers` (see app.ts). */
export const handoverRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { status } = c.req.valid('query');
    const found = await listHandovers(
      services.db,
      user.role === 'adult_services'
        ? { toAgencyId: user.agencyId ?? NOWHERE, status }
        : { areaId: user.areaId ?? NOWHERE, status },
    );
    // An agency's inbox shows only young people who (still) agree to share the handover with it.
    const sharing =
      user.role === 'adult_services'
        ? await partsSharedWith(
            services.db,
            found.map((h) => h.youngPersonId),
            user.agencyId ?? NOWHERE,
          )
        : null;
    const handovers = sharing
      ? found.filter(
          (handover) =>
            sharing.get(handover.youngPersonId)?.has('handover') &&
            handover.toAgency.areaId === handover.youngPerson.areaId,
        )
      : found;
    await auditList(
      services.db,
      { userId: user.id, role: user.role },
      'Handover',
      handovers.map((handover) => handover.youngPersonId),
    );
    const day = today(services);
    return c.json(
      { items: handovers.map((h) => present(h, day)).sort((a, b) => a.daysToTransfer - b.daysToTransfer) },
      200,
    );
  })
  .openapi(read, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { handover } = await handoverFor(services.db, user, c.req.valid('param').handoverId);
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'Handover', entityId: handover.id, youngPersonId: handover.youngPersonId },
    );
    // The documents the agency may see, whoever reads the pack (staff see what it will get).
    const shared = await scopesSharedWith(services.db, handover.youngPersonId, handover.toAgencyId);
    const person = { id: handover.youngPersonId, jurisdiction: handover.youngPerson.jurisdiction };
    const documents = (await documentsWithin(services.db, person, shared)).map(
      ({ id, type, title, fileName, byteSize }) => ({ id, type, title, fileName, byteSize }),
    );
    return c.json({ ...present(handover, today(services)), documents }, 200);
  })
  .openapi(edit, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { handover } = await handoverFor(services.db, user, c.req.valid('param').handoverId);
    const { version, ...pack } = c.req.valid('json');
    const edited = await editHandoverDraft({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      handover,
      version,
      pack,
    });
    return c.json(present(edited, today(services)), 200);
  })
  .openapi(publish, async (c) => {
    const thread = await threadOfRequest(c, 'handover', c.req.valid('param').handoverId);
    const services = c.get('services');
    const { handover } = await handoverFor(services.db, thread.user, thread.key.subjectId);
    const { version, note, ...pack } = c.req.valid('json');
    const recipientIds = note ? await recipientsOf(c, thread) : [];
    const published = await publishHandoverVersion({
      db: services.db,
      actor: { userId: thread.user.id, role: thread.user.role },
      handover,
      version,
      pack,
      note,
      now: services.now(),
      alongside: async (tx) => {
        if (note)
          await postMessageIn(tx, {
            actor: actorNamed(thread.user),
            key: thread.key,
            body: note,
            recipientIds,
            now: services.now(),
          });
      },
    });
    return c.json(present(published, today(services)), 200);
  })
  .openapi(versions, async (c) => {
    const services = c.get('services');
    const { handover } = await handoverFor(services.db, signedInUser(c), c.req.valid('param').handoverId);
    const items = await handoverVersions(services.db, handover.id);
    return c.json({ items: items.map((item) => ({ ...item, publishedAt: item.publishedAt.toISOString() })) }, 200);
  })
  .openapi(fhirExport, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const { handover, parts } = await handoverFor(services.db, user, c.req.valid('param').handoverId);
    const person = await findYoungPerson(services.db, handover.youngPersonId);
    if (!person) throw new AppError('not_found', 'No such handover.');
    const bundle = await exportPlanBundle(
      services,
      { userId: user.id, role: user.role },
      { person, parts, day: today(services), handoverId: handover.id, origin: new URL(c.req.url).origin },
    );
    return c.json(bundle as FhirBundle, 200, FHIR_JSON);
  })
  .openapi(send, async (c) => {
    const move = { version: c.req.valid('json').version, step: 'send' as const };
    const sent = await moveOn(c, c.req.valid('param').handoverId, move, async (handover, db) => {
      if (handover.toAgency.areaId !== handover.youngPerson.areaId) {
        throw new AppError(
          'unprocessable',
          'This agency does not serve the young person’s area: draft a new handover to one that does.',
          { field: 'toAgencyId' },
        );
      }
      if (!(await scopesSharedWith(db, handover.youngPersonId, handover.toAgencyId)).has('handover')) {
        throw new AppError(
          'unprocessable',
          'The young person (or, under 16, their parent) has not agreed to share a handover with this agency. Record their agreement under Sharing first.',
          { field: 'toAgencyId' },
        );
      }
    });
    return c.json(sent, 200);
  })
  .openapi(acknowledge, async (c) => {
    const move = { version: c.req.valid('json').version, step: 'acknowledge' as const };
    return c.json(await moveOn(c, c.req.valid('param').handoverId, move), 200);
  })
  .openapi(requestInfo, async (c) => {
    const { version, message } = c.req.valid('json');
    // The question opens (or continues) the handover's conversation, in the same transaction.
    const thread = await threadOfRequest(c, 'handover', c.req.valid('param').handoverId);
    const recipientIds = await recipientsOf(c, thread);
    const now = c.get('services').now();
    const move = {
      version,
      step: 'request_info' as const,
      infoRequest: message,
      alongside: (tx: Tx) =>
        postMessageIn(tx, { actor: actorNamed(thread.user), key: thread.key, body: message, recipientIds, now }),
    };
    return c.json(await moveOn(c, c.req.valid('param').handoverId, move), 200);
  });

const actorNamed = (user: SessionUser) => ({ userId: user.id, role: user.role, name: user.name });

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonHandoverRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  create,
  async (c) => {
    const { person, user, services, day } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    const { toAgencyId, expectedTransfer, dueBy, ...pack } = c.req.valid('json');
    const handover = await draftHandover({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      person,
      toAgencyId,
      expectedTransfer,
      dueBy,
      pack,
      today: day,
    });
    return c.json(present(handover, day), 201);
  },
);
