import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  audit,
  createReferral,
  findService,
  getReferral,
  isoDay,
  nextReferralStatuses,
  isContributorRole,
  REFERRAL_STATUSES,
  referralsOf,
  referrerEmail,
  updateReferral,
  type ReferralWithService,
} from '@pathways/db';
import { ZIsoDate } from '@pathways/engine';
import { canChangeYoungPerson, notFoundAs, recordOfRequest, type RequestRecord } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { openSteps } from '../local-offer/open-steps.ts';
import { letterHtml, referralLetter } from '../local-offer/referral-letter.ts';
import { sendReferralLettersNow } from '../local-offer/referral-mail.ts';
import { referralVisible } from '../sharing.ts';
import { decidesFor, requireBestInterestsMayBeRecorded } from './consents.ts';
import { errorResponses, json, ZIdParam, ZVersionNumber } from './schemas.ts';

/** The parts of a record a referral may share (the handover part is adult services' own). */
const REFERRAL_PARTS = ['plan', 'health', 'goals'] as const;

const ZReferral = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    agencyName: z.string(),
    reason: z.string(),
    milestoneId: z.string().nullable(),
    completesMilestone: z.boolean(),
    reviewActionId: z.string().nullable(),
    agreedBy: z.enum(['young_person', 'parent_carer', 'best_interests']),
    agreedOn: z.string(),
    bestInterestsReason: z.string().nullable(),
    sharedParts: z.array(z.enum(REFERRAL_PARTS)),
    status: z.enum(REFERRAL_STATUSES),
    nextStatuses: z.array(z.enum(REFERRAL_STATUSES)),
    sentOn: z.string(),
    acceptedOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    sentTo: z.string().nullable().openapi({ description: 'Where the letter was e-mailed; null: print and send it' }),
    emailed: z.boolean(),
    referredByName: z.string(),
    mayUpdate: z.boolean(),
    version: z.number().int(),
    updates: z.array(z.object({ status: z.string(), on: z.string(), note: z.string().nullable(), byName: z.string() })),
  })
  .openapi('Referral');

const ZNewReferral = z
  .object({
    serviceId: z.uuid(),
    reason: z.string().trim().min(1, 'say what the referral is for').max(2000),
    milestoneId: z.string().trim().min(1).max(100).nullable().default(null),
    completesMilestone: z.boolean().default(false),
    reviewActionId: z.uuid().nullable().default(null),
    agreement: z.enum(['agreed', 'best_interests']).openapi({
      description:
        'agreed: by the person who decides (the young person from 16, a parent or carer before); best_interests: a decision recorded by staff for a young person of 16 or more who may lack capacity',
    }),
    bestInterestsReason: z.string().trim().min(1).max(2000).nullable().default(null),
    share: z.array(z.enum(REFERRAL_PARTS)).max(3).default([]),
  })
  .strict()
  .openapi('NewReferral');

const ZReferralChange = z
  .object({
    version: ZVersionNumber,
    status: z.enum(['accepted', 'declined', 'started', 'ended']),
    on: ZIsoDate,
    note: z.string().trim().max(2000).nullable().default(null).openapi({ description: 'The outcome, or why declined' }),
  })
  .strict()
  .openapi('ReferralChange');

const ZReferralParam = z.object({ referralId: z.uuid().openapi({ param: { name: 'referralId', in: 'path' } }) });

const dayOrNull = (date: Date | null) => (date ? isoDay(date) : null);

/** Whether a user may move a referral on: the area's staff, or the person who made it. */
function mayUpdate(access: RequestRecord, referral: ReferralWithService): boolean {
  return canChangeYoungPerson(access.user, access.person) || referral.referredById === access.user.id;
}

const present = (access: RequestRecord, referral: ReferralWithService): z.infer<typeof ZReferral> => ({
  id: referral.id,
  youngPersonId: referral.youngPersonId,
  serviceId: referral.service.id,
  serviceName: referral.service.name,
  agencyName: referral.service.agencyName,
  reason: referral.reason,
  milestoneId: referral.milestoneId,
  completesMilestone: referral.completesMilestone,
  reviewActionId: referral.reviewActionId,
  agreedBy: referral.agreedBy as z.infer<typeof ZReferral>['agreedBy'],
  agreedOn: isoDay(referral.agreedOn),
  bestInterestsReason: referral.bestInterestsReason,
  sharedParts: referral.sharedParts as z.infer<typeof ZReferral>['sharedParts'],
  status: referral.status as z.infer<typeof ZReferral>['status'],
  nextStatuses: mayUpdate(access, referral) ? [...nextReferralStatuses(referral.status)] : [],
  sentOn: isoDay(referral.sentOn),
  acceptedOn: dayOrNull(referral.acceptedOn),
  startedOn: dayOrNull(referral.startedOn),
  endedOn: dayOrNull(referral.endedOn),
  outcome: referral.outcome,
  sentTo: referral.sentTo,
  emailed: referral.emailedAt !== null,
  referredByName: referral.referredByName,
  mayUpdate: mayUpdate(access, referral),
  version: referral.version,
  updates: referral.updates.map((update) => ({
    status: update.status,
    on: isoDay(update.on),
    note: update.note,
    byName: update.byName,
  })),
});

/** Who may refer a young person: the area's staff, and other agencies' staff linked to them. */
const REFERRERS = [
  'transition_worker',
  'team_manager',
  'sen_coordinator',
  'health_professional',
  'social_worker',
  'contributor',
] as const;
/** Who may read referrals: the referrers, the young person and family, adult services (each as far as they may see the plan). */
const PEOPLE = [...REFERRERS, 'young_person', 'parent_carer', 'adult_services'] as const;

const list = createRoute({
  method: 'get',
  path: '/{id}/referrals',
  operationId: 'listReferrals',
  tags: ['Referrals'],
  summary: 'A young person’s referrals to services, newest first (anyone who may see their plan)',
  middleware: [requireRole(...PEOPLE)] as const,
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ items: z.array(ZReferral) }), 'Referrals'), ...errorResponses(401, 403, 404) },
});

const refer = createRoute({
  method: 'post',
  path: '/{id}/referrals',
  operationId: 'refer',
  tags: ['Referrals'],
  summary:
    'Refer a young person to a service of their area’s local offer, with the agreement of whoever decides (the area’s staff, or another agency’s linked staff)',
  description:
    'Each part shared is recorded as an agreement to share it with the service’s agency. The letter, holding no more than those parts, is e-mailed to the service’s referral address.',
  middleware: [requireRole(...REFERRERS)] as const,
  request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZNewReferral } }, required: true } },
  responses: { 201: json(ZReferral, 'Referred'), ...errorResponses(400, 401, 403, 404, 422) },
});

const change = createRoute({
  method: 'post',
  path: '/{referralId}/status',
  operationId: 'updateReferral',
  tags: ['Referrals'],
  summary:
    'Record the service’s answer or progress: accepted, declined, started, ended (the area’s staff, or who referred); accepting completes the milestone it was for, if asked',
  middleware: [requireRole(...REFERRERS)] as const,
  request: {
    params: ZReferralParam,
    body: { content: { 'application/json': { schema: ZReferralChange } }, required: true },
  },
  responses: {
    200: json(ZReferral.extend({ completedMilestone: z.string().nullable() }), 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const letter = createRoute({
  method: 'get',
  path: '/{referralId}/letter',
  operationId: 'referralLetter',
  tags: ['Referrals'],
  summary: 'The referral letter, to print: no more than its agreement allows (anyone who may see the referral)',
  middleware: [requireRole(...PEOPLE)] as const,
  request: { params: ZReferralParam },
  responses: {
    200: { description: 'The letter (HTML)', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses(401, 403, 404),
  },
});

/** A referral the caller may see (through its young person's plan), or not found. */
async function referralOfRequest(c: Parameters<typeof recordOfRequest>[0], id: string) {
  const referral = await getReferral(c.get('services').db, id);
  const access = await notFoundAs(
    recordOfRequest(c, referral.youngPersonId),
    () => new AppError('not_found', 'No such referral.'),
  );
  if (!referralVisible(access.parts, referral))
    throw new AppError('forbidden', 'The young person has not agreed to share this referral with your service.');
  return { referral, access };
}

/** Refuses what the referral names that is not this young person's to refer to, saying which field. */
async function checkedReferral(access: RequestRecord, body: z.infer<typeof ZNewReferral>) {
  const { person, parts, user, services, day } = access;
  const service = await findService(services.db, body.serviceId, [person.areaId]);
  if (!service || service.status !== 'active')
    throw new AppError('invalid', 'serviceId: no such service offered in the young person’s area', {
      field: 'serviceId',
    });
  const notSeen = body.share.find((part) => !parts.has(part));
  if (notSeen)
    throw new AppError('forbidden', `share: you may not share what you cannot see (${notSeen})`, { field: 'share' });
  if (body.milestoneId) {
    const milestone = (await openSteps(services.db, person, parts, day)).find((m) => m.id === body.milestoneId);
    if (!milestone)
      throw new AppError('invalid', 'milestoneId: not a step of this plan still to do', { field: 'milestoneId' });
    if (body.completesMilestone && !milestone.completedBy.includes('milestone.recorded'))
      throw new AppError(
        'unprocessable',
        'completesMilestone: this step is completed by its own record, not a referral',
        {
          field: 'completesMilestone',
        },
      );
  } else if (body.completesMilestone)
    throw new AppError('invalid', 'completesMilestone: name the milestone it completes', { field: 'milestoneId' });
  if (body.agreement === 'best_interests') {
    requireBestInterestsMayBeRecorded(user, person, day, { forbidden: 'agreement', unprocessable: 'agreement' });
    if (!body.bestInterestsReason)
      throw new AppError('invalid', 'bestInterestsReason: say why the referral is in their best interests', {
        field: 'bestInterestsReason',
      });
  } else if (body.bestInterestsReason)
    throw new AppError('invalid', 'bestInterestsReason: only for a best-interests decision', {
      field: 'bestInterestsReason',
    });
  return { service, agreedBy: body.agreement === 'best_interests' ? 'best_interests' : decidesFor(person, day) };
}

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonReferralRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const referrals = (await referralsOf(access.services.db, access.person.id)).filter((referral) =>
      referralVisible(access.parts, referral),
    );
    await audit(
      access.services.db,
      { userId: access.user.id, role: access.user.role },
      { action: 'read', entityType: 'Referral', youngPersonId: access.person.id },
    );
    return c.json({ items: referrals.map((referral) => present(access, referral)) }, 200);
  })
  .openapi(refer, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { user, person, services, day } = access;
    if (!canChangeYoungPerson(user, person) && !isContributorRole(user.role))
      throw new AppError('forbidden', 'Only the young person’s workers can refer them.');
    const body = c.req.valid('json');
    const { service, agreedBy } = await checkedReferral(access, body);
    const created = await createReferral(
      services.db,
      { userId: user.id, role: user.role },
      {
        person,
        service: { id: service.id, agencyId: service.agency.id },
        reason: body.reason,
        milestoneId: body.milestoneId,
        completesMilestone: body.completesMilestone,
        reviewActionId: body.reviewActionId,
        agreedBy,
        bestInterestsReason: body.bestInterestsReason,
        sharedParts: body.share,
        referredByName: user.name,
        sentTo: service.referralEmail,
        today: day,
        now: services.now(),
      },
    );
    await sendReferralLettersNow(services);
    return c.json(present(access, await getReferral(services.db, created.id)), 201);
  });

/** Mounted at `/api/referrals` (see app.ts). */
export const referralRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(change, async (c) => {
    const { referral, access } = await referralOfRequest(c, c.req.valid('param').referralId);
    if (!mayUpdate(access, referral))
      throw new AppError(
        'forbidden',
        'Only the young person’s area staff, or whoever referred, can update a referral.',
      );
    const body = c.req.valid('json');
    const { completedMilestone } = await updateReferral(
      access.services.db,
      { userId: access.user.id, role: access.user.role },
      {
        referral,
        version: body.version,
        status: body.status,
        on: body.on,
        note: body.note,
        byName: access.user.name,
        today: access.day,
      },
    );
    return c.json({ ...present(access, await getReferral(access.services.db, referral.id)), completedMilestone }, 200);
  })
  .openapi(letter, async (c) => {
    const { referral, access } = await referralOfRequest(c, c.req.valid('param').referralId);
    const actor = { userId: access.user.id, role: access.user.role };
    const written = await referralLetter({
      db: access.services.db,
      actor,
      referral,
      person: access.person,
      referrerEmail: await referrerEmail(access.services.db, referral),
      day: access.day,
      reader: access.parts,
    });
    await audit(access.services.db, actor, {
      action: 'read',
      entityType: 'ReferralLetter',
      entityId: referral.id,
      youngPersonId: referral.youngPersonId,
    });
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(letterHtml(written), 200);
  });
