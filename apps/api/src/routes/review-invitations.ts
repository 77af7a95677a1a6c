import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  accountsAround,
  auditLinkRead,
  findYoungPerson,
  activeAccountUser,
  AppError,
  findReview,
  invitationByToken,
  INVITEE_ROLES,
  inviteToReview,
  isoDay,
  kindOfReview,
  listAgencies,
  REPLIES,
  replyToInvitation,
  requestAdvice,
  sendInvitationByHand,
  sendInvitations,
  standingInvitations,
  submitAdvice,
  withdrawInvitation,
  ZAdviceRequest,
} from '@pathways/db';
import { adviceStatus, displayName } from '@pathways/engine';
import { canSeeYoungPerson, STAFF_ROLES } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { actorOf, ownInvitation, requireCanSee, reviewOfRequest, type ReviewAccess } from '../reviews/review-access.ts';
import { kindTitle, ZReview } from '../reviews/review-view.ts';
import { answerAfterLetters, reviewAnswer, ZReviewParam } from './reviews.ts';
import { errorResponses, json, ZVersionNumber } from './schemas.ts';

const ZInvitationParam = ZReviewParam.extend({
  invitationId: z.uuid().openapi({ param: { name: 'invitationId', in: 'path' } }),
});
const ZToken = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[\w-]+$/, 'is not a link token');
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const STAFF = requireRole(...STAFF_ROLES);
const reviewAnswered = json(ZReview, 'The review as it now is');

const ZInvitee = z
  .object({
    userId: z.uuid().optional().openapi({ description: 'A Pathways account (who must be able to see the record)' }),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(200).optional(),
    role: z.enum(INVITEE_ROLES),
    advice: ZAdviceRequest.optional(),
  })
  .strict()
  .refine((invitee) => !!invitee.userId !== !!invitee.name, {
    message: 'give either an account (userId) or a name',
    path: ['name'],
  });

const invite = createRoute({
  method: 'post',
  path: '/{reviewId}/invitations',
  operationId: 'inviteToReview',
  tags: ['Reviews'],
  summary: 'Invite someone (an account, or anyone by name and e-mail), asking for advice if wanted',
  middleware: [STAFF] as const,
  request: { params: ZReviewParam, ...body(ZInvitee) },
  responses: { 201: reviewAnswered, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const askAdvice = createRoute({
  method: 'post',
  path: '/{reviewId}/invitations/{invitationId}/advice-request',
  operationId: 'requestAdvice',
  tags: ['Reviews'],
  summary: 'Ask an invitee for advice, by a day before the meeting (default: the rule pack’s)',
  middleware: [STAFF] as const,
  request: { params: ZInvitationParam, ...body(ZAdviceRequest) },
  responses: { 200: reviewAnswered, ...errorResponses(400, 401, 403, 404, 422) },
});
const withdraw = createRoute({
  method: 'post',
  path: '/{reviewId}/invitations/{invitationId}/withdraw',
  operationId: 'withdrawInvitation',
  tags: ['Reviews'],
  summary: 'Withdraw an invitation (a calendar cancellation goes if one was sent)',
  middleware: [STAFF] as const,
  request: { params: ZInvitationParam },
  responses: { 200: reviewAnswered, ...errorResponses(401, 403, 404, 422) },
});
const byHand = createRoute({
  method: 'post',
  path: '/{reviewId}/invitations/{invitationId}/by-hand',
  operationId: 'sendInvitationByHand',
  tags: ['Reviews'],
  summary: 'Make a new private reply link to give someone yourself (shown once); the invitation counts as sent',
  middleware: [STAFF] as const,
  request: { params: ZInvitationParam },
  responses: {
    200: json(z.object({ review: ZReview, link: z.string() }), 'The review and the link'),
    ...errorResponses(401, 403, 404, 422),
  },
});
const send = createRoute({
  method: 'post',
  path: '/{reviewId}/send-invitations',
  operationId: 'sendInvitations',
  tags: ['Reviews'],
  summary: 'Send everyone invited their invitation; from now on every change is sent as an update',
  middleware: [STAFF] as const,
  request: { params: ZReviewParam, ...body(z.object({ version: ZVersionNumber }).strict()) },
  responses: { 200: reviewAnswered, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const people = createRoute({
  method: 'get',
  path: '/{reviewId}/people',
  operationId: 'listReviewPeople',
  tags: ['Reviews'],
  summary:
    'Accounts that may see the young person’s record, and their area’s agencies: whom to invite or give an action to',
  middleware: [STAFF] as const,
  request: { params: ZReviewParam },
  responses: {
    200: json(
      z.object({
        accounts: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
        agencies: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
      }),
      'Who could take part',
    ),
    ...errorResponses(401, 403, 404),
  },
});
const reply = createRoute({
  method: 'post',
  path: '/{reviewId}/reply',
  operationId: 'replyToReviewInvitation',
  tags: ['Reviews'],
  summary: 'Reply to your own invitation',
  middleware: [requireRole()] as const,
  request: { params: ZReviewParam, ...body(z.object({ reply: z.enum(REPLIES) }).strict()) },
  responses: { 200: reviewAnswered, ...errorResponses(400, 401, 403, 404, 422) },
});
const advise = createRoute({
  method: 'post',
  path: '/{reviewId}/advice',
  operationId: 'submitReviewAdvice',
  tags: ['Reviews'],
  summary: 'Send the advice you were asked for (once)',
  middleware: [requireRole()] as const,
  request: { params: ZReviewParam, ...body(z.object({ advice: z.string().trim().min(1).max(20000) }).strict()) },
  responses: { 200: reviewAnswered, ...errorResponses(400, 401, 403, 404, 422) },
});

const invitationOf = (access: ReviewAccess, id: string) => {
  const invitation = access.review.invitations.find((candidate) => candidate.id === id && !candidate.withdrawnAt);
  if (!invitation) throw new AppError('not_found', 'No such invitation.');
  return invitation;
};

/** Mounted at `/api/reviews` (see app.ts). */
export const reviewInvitationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(invite, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const { userId, name, email, role, advice } = c.req.valid('json');
    const { db } = access.services;
    const invitee = userId
      ? await requireCanSee(c, await activeAccountUser(db, userId), access, 'userId').then((account) => ({
          userId: account.id,
          name: account.name,
          email: account.email,
          role,
        }))
      : { name: name as string, email, role };
    const review = await inviteToReview({
      db,
      actor: actorOf(access),
      person: access.person,
      review: access.review,
      invitee,
      advice,
      now: access.services.now(),
      today: access.day,
    });
    return c.json(await answerAfterLetters(c, access, review.id), 201);
  })
  .openapi(askAdvice, async (c) => {
    const { reviewId, invitationId } = c.req.valid('param');
    const access = await reviewOfRequest(c, reviewId, 'change');
    const review = await requestAdvice({
      db: access.services.db,
      actor: actorOf(access),
      person: access.person,
      review: access.review,
      invitation: invitationOf(access, invitationId),
      advice: c.req.valid('json'),
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review }), 200);
  })
  .openapi(withdraw, async (c) => {
    const { reviewId, invitationId } = c.req.valid('param');
    const access = await reviewOfRequest(c, reviewId, 'change');
    const review = await withdrawInvitation({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      invitation: invitationOf(access, invitationId),
      now: access.services.now(),
    });
    return c.json(await answerAfterLetters(c, access, review.id), 200);
  })
  .openapi(byHand, async (c) => {
    const { reviewId, invitationId } = c.req.valid('param');
    const access = await reviewOfRequest(c, reviewId, 'change');
    const { review, token } = await sendInvitationByHand({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      invitation: invitationOf(access, invitationId),
      now: access.services.now(),
    });
    const origin = access.services.publicOrigin ?? new URL(c.req.url).origin;
    return c.json({ review: reviewAnswer(c, { ...access, review }), link: `${origin}/reply#${token}` }, 200);
  })
  .openapi(send, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const sent = await sendInvitations({
      db: access.services.db,
      actor: actorOf(access),
      review: access.review,
      version: c.req.valid('json').version,
      now: access.services.now(),
    });
    return c.json(await answerAfterLetters(c, access, sent.id), 200);
  })
  .openapi(people, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
    const { db } = access.services;
    const candidates = await accountsAround(db, access.person);
    const visible = [];
    for (const account of candidates)
      if (await canSeeYoungPerson(db, account, access.person, access.day))
        visible.push({ id: account.id, name: account.name, role: account.role });
    const agencies = await listAgencies(db, { areaId: access.person.areaId, withinAreas: [access.person.areaId] });
    return c.json({ accounts: visible, agencies: agencies.map(({ id, name, type }) => ({ id, name, type })) }, 200);
  })
  .openapi(reply, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId);
    await replyToInvitation({
      db: access.services.db,
      actor: actorOf(access),
      invitation: ownInvitation(access.review, access.user),
      review: access.review,
      reply: c.req.valid('json').reply,
      now: access.services.now(),
    });
    return c.json(reviewAnswer(c, { ...access, review: await findReview(access.services.db, access.review.id) }), 200);
  })
  .openapi(advise, async (c) => {
    const access = await reviewOfRequest(c, c.req.valid('param').reviewId);
    await submitAdvice({
      db: access.services.db,
      actor: actorOf(access),
      invitation: ownInvitation(access.review, access.user),
      review: access.review,
      advice: c.req.valid('json').advice,
      now: access.services.now(),
      today: access.day,
    });
    return c.json(reviewAnswer(c, { ...access, review: await findReview(access.services.db, access.review.id) }), 200);
  });

/** What someone with a private link sees: the meeting, whom it is about, and what is asked of them — nothing else. */
const ZLinkedInvitation = z
  .object({
    name: z.string(),
    youngPersonName: z.string(),
    kindTitle: z.string(),
    meetingDate: z.string(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    place: z.string(),
    reply: z.enum(['no_reply', 'accepted', 'declined', 'tentative']),
    advice: z
      .object({
        question: z.string(),
        dueOn: z.string(),
        status: z.enum(['waiting', 'late', 'received', 'received_late']),
        submittedOn: z.string().nullable(),
      })
      .nullable(),
    canReply: z.boolean(),
    circulatedAdvice: z
      .array(z.object({ from: z.string(), text: z.string() }))
      .openapi({ description: 'Once the advice has been sent round: what everyone advised, for the meeting' }),
  })
  .openapi('LinkedInvitation');

const linkRoute = <P extends string, S extends z.ZodType>(path: P, operationId: string, summary: string, schema: S) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags: ['Reviews'],
    summary,
    request: body(schema),
    responses: { 200: json(ZLinkedInvitation, 'The invitation'), ...errorResponses(400, 404, 422) },
  });
const lookUp = linkRoute(
  '/look-up',
  'lookUpInvitationLink',
  'What a private invitation link is for (no sign-in: the link is the key)',
  z.object({ token: ZToken }).strict(),
);
const replyByLink = linkRoute(
  '/reply',
  'replyByInvitationLink',
  'Reply to an invitation with its private link',
  z.object({ token: ZToken, reply: z.enum(REPLIES) }).strict(),
);
const adviseByLink = linkRoute(
  '/advice',
  'adviseByInvitationLink',
  'Send advice with a private invitation link (once)',
  z.object({ token: ZToken, advice: z.string().trim().min(1).max(20000) }).strict(),
);

/** Someone with a link acts as themselves, by invitation: no account. */
const linkActor = { userId: null, role: 'invitee' };

async function linkedAnswer(c: Parameters<Parameters<typeof reviewInvitationRoutes.openapi>[1]>[0], token: string) {
  const services = c.get('services');
  const { invitation, review } = await invitationByToken(services.db, token);
  const person = await findYoungPerson(services.db, review.youngPersonId);
  if (!person) throw new AppError('not_found', 'This link no longer works.');
  const kind = kindOfReview(person, review.kind);
  const dueOn = invitation.adviceDueOn ? isoDay(invitation.adviceDueOn) : null;
  const submittedOn = invitation.adviceSubmittedOn ? isoDay(invitation.adviceSubmittedOn) : null;
  return {
    invitation,
    review,
    answer: {
      name: invitation.name,
      youngPersonName: displayName(person),
      kindTitle: kindTitle(kind, person.jurisdiction, readerLanguage(c)),
      meetingDate: isoDay(review.meetingDate),
      startTime: review.startTime,
      durationMinutes: review.durationMinutes,
      place: review.place,
      reply: invitation.reply as z.infer<typeof ZLinkedInvitation>['reply'],
      advice:
        invitation.adviceRequested && dueOn
          ? {
              question: invitation.adviceQuestion ?? '',
              dueOn,
              status: adviceStatus({ dueOn, submittedOn }, today(services)),
              submittedOn,
            }
          : null,
      canReply: review.status === 'planned',
      // Everyone invited reads the advice before the meeting (reg. 20(4)), once it has been sent round.
      circulatedAdvice: review.adviceCirculatedOn
        ? standingInvitations(review).flatMap((other) =>
            other.advice ? [{ from: other.name, text: other.advice }] : [],
          )
        : [],
    },
  };
}

/** Mounted at `/api/invitation-links` (see app.ts): the page an invitee reaches from their e-mail, without an account. */
export const invitationLinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(lookUp, async (c) => {
    const { answer, review, invitation } = await linkedAnswer(c, c.req.valid('json').token);
    await auditLinkRead(c.get('services').db, invitation, review);
    return c.json(answer, 200);
  })
  .openapi(replyByLink, async (c) => {
    const { token, reply: answer } = c.req.valid('json');
    const services = c.get('services');
    const { invitation, review } = await invitationByToken(services.db, token);
    await replyToInvitation({
      db: services.db,
      actor: linkActor,
      invitation,
      review,
      reply: answer,
      now: services.now(),
    });
    return c.json((await linkedAnswer(c, token)).answer, 200);
  })
  .openapi(adviseByLink, async (c) => {
    const { token, advice } = c.req.valid('json');
    const services = c.get('services');
    const { invitation, review } = await invitationByToken(services.db, token);
    await submitAdvice({
      db: services.db,
      actor: linkActor,
      invitation,
      review,
      advice,
      now: services.now(),
      today: today(services),
    });
    return c.json((await linkedAnswer(c, token)).answer, 200);
  });
