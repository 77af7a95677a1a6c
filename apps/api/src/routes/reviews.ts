import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  arrangeReview,
  auditList,
  isoDay,
  openReviewsOfArea,
  clockOfReview,
  findReview,
  kindOfReview,
  cancelReview,
  circulateAdvice,
  listReviewsOf,
  moveReviewMeeting,
  readReview,
  recordAfterMeeting,
  recordMeeting,
  saveReviewProfile,
  storedDueDates,
  ZAfterMeeting,
  ZMeeting,
  ZMeetingRecord,
  ZReviewProfile,
  type ReviewWithParts,
} from '@pathways/db';
import {
  displayName,
  nextReviewStep,
  reviewKindOf,
  reviewRulesOf,
  type PlanLanguage,
  type ReviewKind,
} from '@pathways/engine';
import { canChangeYoungPerson, NOWHERE, recordOfRequest } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { actorOf, reviewOfRequest, type ReviewAccess } from '../reviews/review-access.ts';
import { sendReviewLettersNow } from '../reviews/review-mail.ts';
import { kindTitle, presentReview, ZReview, ZReviewStep } from '../reviews/review-view.ts';
import { pathwayVisible } from '../sharing.ts';
import { errorResponses, json, ZIdParam, ZVersionNumber } from './schemas.ts';
import type { Context } from 'hono';

export const ZReviewParam = z.object({
  reviewId: z.uuid().openapi({ param: { name: 'reviewId', in: 'path' } }),
});

const ZReviewSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindTitle: z.string(),
    meetingDate: z.string(),
    startTime: z.string(),
    place: z.string(),
    status: ZReview.shape.status,
    nextStep: ZReviewStep.pick({ id: true, due: true, status: true }).nullable(),
  })
  .openapi('ReviewSummary');

const ZReviewKindChoice = z
  .object({ id: z.string(), title: z.string(), pathway: z.string(), applies: z.boolean() })
  .openapi('ReviewKindChoice');

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const versioned = <T extends z.ZodRawShape>(shape: T) => z.object({ version: ZVersionNumber, ...shape }).strict();

const list = createRoute({
  method: 'get',
  path: '/{id}/reviews',
  operationId: 'listReviews',
  tags: ['Reviews'],
  summary: 'A young person’s reviews and meetings, newest first, with the kinds their rule pack has',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: {
    200: json(
      z.object({
        items: z.array(ZReviewSummary),
        kinds: z.array(ZReviewKindChoice),
        nextDue: z
          .array(z.object({ kind: z.string(), kindTitle: z.string(), dueDate: z.string() }))
          .openapi({ description: 'When the next review of each recurring kind is due, from the plan' }),
      }),
      'Reviews',
    ),
    ...errorResponses(401, 404),
  },
});
const arrange = createRoute({
  method: 'post',
  path: '/{id}/reviews',
  operationId: 'arrangeReview',
  tags: ['Reviews'],
  summary: 'Arrange a review or meeting (staff of the young person’s area)',
  middleware: [requireRole('transition_worker', 'team_manager')] as const,
  request: { params: ZIdParam, ...body(ZMeeting.extend({ kind: z.string().min(1).max(60) })) },
  responses: { 201: json(ZReview, 'Arranged'), ...errorResponses(400, 401, 403, 404, 422) },
});

const ZOpenReview = ZReviewSummary.extend({
  youngPersonId: z.string(),
  youngPersonName: z.string(),
}).openapi('OpenReview');

const underWay = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listOpenReviews',
  tags: ['Reviews'],
  summary:
    'Reviews under way in your area (or a named worker’s: `worker=me`), each with its next step, soonest first (staff)',
  middleware: [requireRole('transition_worker', 'team_manager')] as const,
  request: {
    query: z.object({
      worker: z
        .union([z.uuid(), z.literal('me')])
        .optional()
        .openapi({ description: 'Named worker id, or "me"' }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(ZOpenReview) }), 'Reviews under way'),
    ...errorResponses(400, 401, 403),
  },
});

const read = createRoute({
  method: 'get',
  path: '/{reviewId}',
  operationId: 'getReview',
  tags: ['Reviews'],
  summary: 'A review: its clock, invitations, advice, the young person’s profile and the actions agreed',
  middleware: [requireRole()] as const,
  request: { params: ZReviewParam },
  responses: { 200: json(ZReview, 'The review'), ...errorResponses(401, 404) },
});
const staffWrite = <P extends string, S extends z.ZodType>(path: P, operationId: string, summary: string, schema: S) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags: ['Reviews'],
    summary,
    middleware: [requireRole('transition_worker', 'team_manager')] as const,
    request: { params: ZReviewParam, ...body(schema) },
    responses: { 200: json(ZReview, 'The review as it now is'), ...errorResponses(400, 401, 403, 404, 409, 422) },
  });
const move = staffWrite(
  '/{reviewId}/meeting',
  'moveReviewMeeting',
  'Move the meeting (date, time, length or place): everyone invited is sent an update',
  versioned(ZMeeting.partial().shape),
);
const cancel = staffWrite(
  '/{reviewId}/cancel',
  'cancelReview',
  'Cancel the meeting: everyone invited is sent a cancellation',
  versioned({}),
);
const circulate = staffWrite(
  '/{reviewId}/circulate-advice',
  'circulateAdvice',
  'Record that the advice gathered went to everyone invited (today)',
  versioned({}),
);
const record = staffWrite(
  '/{reviewId}/meeting-record',
  'recordMeeting',
  'Record the meeting: who came, how the young person took part, what was discussed',
  versioned(ZMeetingRecord.shape),
);
const after = staffWrite(
  '/{reviewId}/after-meeting',
  'recordAfterMeeting',
  'Record the report sent, the council’s decision and the final amended plan, each once',
  versioned(ZAfterMeeting.shape),
);
const profile = createRoute({
  method: 'put',
  path: '/{reviewId}/profile',
  operationId: 'saveReviewProfile',
  tags: ['Reviews'],
  summary: 'The young person’s one-page profile for the meeting (the young person, their family, or staff with them)',
  middleware: [requireRole('transition_worker', 'team_manager', 'young_person', 'parent_carer')] as const,
  request: { params: ZReviewParam, ...body(ZReviewProfile) },
  responses: { 200: json(ZReview, 'Saved'), ...errorResponses(400, 401, 403, 404, 422) },
});

/** A review in a list: what and when, and the step it waits for next as of `day`. */
function summaryOf(
  review: ReviewWithParts,
  kind: ReviewKind,
  jurisdiction: string,
  day: string,
  language: PlanLanguage | undefined,
): z.infer<typeof ZReviewSummary> {
  const next = nextReviewStep(clockOfReview(review, kind, day));
  return {
    id: review.id,
    kind: review.kind,
    kindTitle: kindTitle(kind, jurisdiction, language),
    meetingDate: isoDay(review.meetingDate),
    startTime: review.startTime,
    place: review.place,
    status: review.status as z.infer<typeof ZReviewSummary>['status'],
    nextStep: next ? { id: next.id, due: next.due, status: next.status } : null,
  };
}

/** The review as the caller may see it. */
export function reviewAnswer(c: Context<AppEnv>, access: ReviewAccess) {
  return presentReview({
    review: access.review,
    kind: access.kind,
    person: access.person,
    user: access.user,
    canChange: canChangeYoungPerson(access.user, access.person),
    today: access.day,
    language: readerLanguage(c),
  });
}

/**
 * Sends the letters a change owes (invitations, updates, cancellations), then answers with
 * the review as it now is: the letters change how each invitation went.
 */
export async function answerAfterLetters(c: Context<AppEnv>, access: ReviewAccess, reviewId: string) {
  await sendReviewLettersNow(access.services, new URL(c.req.url).origin);
  return reviewAnswer(c, { ...access, review: await findReview(access.services.db, reviewId) });
}

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonReviewRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { person, parts, services, day } = access;
    const rules = reviewRulesOf(person.jurisdiction);
    const language = readerLanguage(c);
    const reviews = await listReviewsOf({ db: services.db, actor: actorOf(access), youngPersonId: person.id });
    const kinds = rules?.kinds ?? [];
    const items = reviews.flatMap((review) => {
      const kind = kinds.find((candidate) => candidate.id === review.kind);
      if (!kind || !pathwayVisible(parts, kind.pathway)) return [];
      return [summaryOf(review, kind, person.jurisdiction, day, language)];
    });
    const recurring = kinds.filter((kind) => kind.nextDueMilestoneId && pathwayVisible(parts, kind.pathway));
    const dueDates = await storedDueDates(
      services.db,
      person.id,
      recurring.map((kind) => kind.nextDueMilestoneId as string),
    );
    return c.json(
      {
        items,
        nextDue: recurring.flatMap((kind) => {
          const dueDate = dueDates.get(kind.nextDueMilestoneId as string);
          return dueDate ? [{ kind: kind.id, kindTitle: kindTitle(kind, person.jurisdiction, language), dueDate }] : [];
        }),
        // Only the kinds of the parts of the plan the caller may see (a kind says whether it applies to them).
        kinds: kinds
          .filter((kind) => pathwayVisible(parts, kind.pathway))
          .map((kind) => ({
            id: kind.id,
            title: kindTitle(kind, person.jurisdiction, language),
            pathway: kind.pathway,
            applies: !kind.needsFlag || person[kind.needsFlag],
          })),
      },
      200,
    );
  })
  .openapi(arrange, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id, 'change');
    const { kind, ...meeting } = c.req.valid('json');
    const review = await arrangeReview({
      db: access.services.db,
      actor: actorOf(access),
      person: access.person,
      kindId: kind,
      meeting,
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review, kind: kindOfReview(access.person, review.kind) }), 201);
  });

/** Mounted at `/api/reviews` (see app.ts). */
export const reviewRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(underWay, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const day = today(services);
    const { worker } = c.req.valid('query');
    const language = readerLanguage(c);
    const open = await openReviewsOfArea(services.db, user.areaId ?? NOWHERE, worker === 'me' ? user.id : worker);
    const items = open.flatMap((review) => {
      const { jurisdiction } = review.youngPerson;
      const kind = reviewKindOf(jurisdiction, review.kind);
      const summary = kind && summaryOf(review, kind, jurisdiction, day, language);
      if (!summary?.nextStep?.due) return [];
      return [{ ...summary, youngPersonId: review.youngPersonId, youngPersonName: displayName(review.youngPerson) }];
    });
    const dueOf = (item: (typeof items)[number]) => item.nextStep?.due ?? '';
    items.sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
    await auditList(
      services.db,
      { userId: user.id, role: user.role },
      'Review',
      items.map((item) => item.youngPersonId),
    );
    return c.json({ items }, 200);
  })
  .openapi(read, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId);
    const review = await readReview({ db: access.services.db, actor: actorOf(access), id: access.review.id });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  })
  .openapi(move, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const { version, ...meeting } = c.req.valid('json');
    const review = await moveReviewMeeting({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version,
      meeting,
      now: access.services.now(),
      today: access.day,
    });
    return c.json(await answerAfterLetters(c, access, review.id), 200);
  })
  .openapi(cancel, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const review = await cancelReview({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version: c.req.valid('json').version,
      now: access.services.now(),
      today: access.day,
    });
    return c.json(await answerAfterLetters(c, access, review.id), 200);
  })
  .openapi(circulate, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const review = await circulateAdvice({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version: c.req.valid('json').version,
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  })
  .openapi(record, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const { version, ...meetingRecord } = c.req.valid('json');
    const review = await recordMeeting({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version,
      record: meetingRecord,
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  })
  .openapi(after, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const { version, ...afterMeeting } = c.req.valid('json');
    const review = await recordAfterMeeting({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version,
      after: afterMeeting,
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  })
  .openapi(profile, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId);
    const review = await saveReviewProfile({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      profile: c.req.valid('json'),
      now: access.services.now(),
    });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  });
