import { parseEvent } from '@pathways/engine';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Prisma, PrismaClient, Review, YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { appendPathwayEvent, withdrawInTransaction } from './pathway-events.ts';
import {
  findReview,
  kindOfReview,
  sendInApp,
  standingInvitations,
  WITH_PARTS,
  type ReviewWithParts,
} from './review-records.ts';
import { claimVersion } from './young-people.ts';
import { dateColumn, isoDay } from './young-person-profile.ts';

/** How the young person takes part in their meeting (and, afterwards, how they did). */
export const TAKING_PART = ['in_room', 'video', 'in_writing', 'through_advocate', 'not_sure'] as const;
export const TOOK_PART = ['in_room', 'video', 'in_writing', 'through_advocate', 'did_not_take_part'] as const;
/** Who helped them write their one-page profile. */
export const PROFILE_HELPERS = ['on_my_own', 'with_family', 'with_advocate', 'with_worker'] as const;

const ZWords = z.string().trim().max(2000);

/** The young person's one-page profile for a meeting: what matters to them, in their words. */
export const ZReviewProfile = z
  .object({
    importantToMe: ZWords,
    workingWell: ZWords,
    notWorking: ZWords,
    wantToTalkAbout: ZWords,
    takePart: z.enum(TAKING_PART),
    helpedBy: z.enum(PROFILE_HELPERS),
  })
  .strict();
export type ReviewProfile = z.infer<typeof ZReviewProfile>;

/** A young person's reviews, the next meeting first, then the past ones newest first; audited as read. */
export async function listReviewsOf(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
}): Promise<ReviewWithParts[]> {
  const reviews = await options.db.review.findMany({
    where: { youngPersonId: options.youngPersonId },
    include: WITH_PARTS,
    orderBy: { meetingDate: 'desc' },
  });
  await audit(options.db, options.actor, {
    action: 'list',
    entityType: 'Review',
    youngPersonId: options.youngPersonId,
  });
  return reviews;
}

/** Reads one review, audited. */
export async function readReview(options: { db: PrismaClient; actor: Actor; id: string }): Promise<ReviewWithParts> {
  const review = await findReview(options.db, options.id);
  await audit(options.db, options.actor, {
    action: 'read',
    entityType: 'Review',
    entityId: review.id,
    youngPersonId: review.youngPersonId,
  });
  return review;
}

export const ZMeeting = z
  .object({
    meetingDate: z.iso.date(),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 10:30'),
    durationMinutes: z.number().int().min(15).max(480),
    place: z.string().trim().min(1).max(300),
  })
  .strict();
export type Meeting = z.infer<typeof ZMeeting>;

/** Records one of the kind's events in the young person's log, in this transaction. */
async function recordReviewEvent(
  tx: Tx,
  actor: Actor,
  person: YoungPerson,
  raw: Record<string, unknown>,
  today: string,
): Promise<string> {
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new AppError('invalid', `${parsed.field}: ${parsed.message}`, { field: parsed.field });
  return (await appendPathwayEvent(tx, actor, person, parsed.event, today)).eventId;
}

/** Claims the young person (their plan changes) and records the events, each only if the kind has it. */
async function recordEvents(
  tx: Tx,
  actor: Actor,
  youngPersonId: string,
  events: Record<string, unknown>[],
  today: string,
): Promise<string[]> {
  if (events.length === 0) return [];
  const current = await tx.youngPerson.findUniqueOrThrow({ where: { id: youngPersonId }, select: { version: true } });
  let person = await claimVersion(tx, youngPersonId, current.version);
  const ids: string[] = [];
  for (const event of events) {
    ids.push(await recordReviewEvent(tx, actor, person, event, today));
    person = await tx.youngPerson.findUniqueOrThrow({ where: { id: youngPersonId } });
  }
  return ids;
}

/** Claims a review at the version the caller read; `conflict` with the current one otherwise. */
async function claimReview(tx: Tx, review: Review, version: number, data: Prisma.ReviewUpdateInput): Promise<void> {
  const { count } = await tx.review.updateMany({
    where: { id: review.id, version },
    data: { ...(data as Prisma.ReviewUpdateManyMutationInput), version: { increment: 1 } },
  });
  if (count === 0)
    throw new AppError('conflict', 'Someone else changed this review; reload it and try again.', {
      currentVersion: review.version,
    });
}

function refuseUnless(review: Review, statuses: readonly string[], doing: string): void {
  if (!statuses.includes(review.status)) {
    const words: Record<string, string> = {
      planned: 'has not been held yet',
      held: 'has already been held',
      completed: 'is finished',
      cancelled: 'was cancelled',
    };
    throw new AppError('unprocessable', `This review ${words[review.status] ?? review.status}: you cannot ${doing}.`);
  }
}

/**
 * Arranges a review of a kind from the young person's rule pack. Where the kind records it
 * (an EHC review), "review meeting arranged" goes into the event log in the same
 * transaction, so the plan's review milestones are dated from this meeting.
 */
export async function arrangeReview(options: {
  db: PrismaClient;
  actor: Actor;
  person: YoungPerson;
  kindId: string;
  meeting: Meeting;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, person, meeting, today } = options;
  const kind = kindOfReview(person, options.kindId);
  if (kind.needsFlag && !person[kind.needsFlag])
    throw new AppError('unprocessable', 'This kind of review is only for young people with an EHC plan.', {
      field: 'kind',
    });
  if (meeting.meetingDate < today)
    throw new AppError('invalid', 'meetingDate: must be today or later', { field: 'meetingDate' });
  return db.$transaction(async (tx) => {
    const plannedEventIds = kind.events.planned
      ? await recordEvents(
          tx,
          actor,
          person.id,
          [{ type: kind.events.planned, date: today, meetingDate: meeting.meetingDate }],
          today,
        )
      : [];
    // Start from the profile they wrote last time: it is theirs to change, not to write again.
    const earlier = await latestReviewProfile(tx, person.id);
    const created = await tx.review.create({
      data: {
        ...(earlier ? { profile: earlier } : {}),
        youngPersonId: person.id,
        kind: kind.id,
        ...meeting,
        meetingDate: dateColumn(meeting.meetingDate),
        createdById: actor.userId,
        plannedEventIds,
      },
    });
    await audit(tx, actor, { action: 'create', entityType: 'Review', entityId: created.id, youngPersonId: person.id });
    return findReview(tx, created.id);
  });
}

/**
 * Moves a meeting (a new date, time or place). Its sequence goes up, so every invitation
 * already sent is sent again as an update, and the clock counts them as sent only then; a new
 * date is recorded as the meeting arranged again.
 */
export async function moveReviewMeeting(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  meeting: Partial<Meeting>;
  now: Date;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, meeting, now, today } = options;
  refuseUnless(review, ['planned'], 'move its meeting');
  if (meeting.meetingDate && meeting.meetingDate < today)
    throw new AppError('invalid', 'meetingDate: must be today or later', { field: 'meetingDate' });
  const changed = (Object.keys(meeting) as (keyof Meeting)[]).filter((key) =>
    key === 'meetingDate' ? meeting.meetingDate !== isoDay(review.meetingDate) : meeting[key] !== review[key],
  );
  if (changed.length === 0) return review;
  const person = await db.youngPerson.findUniqueOrThrow({ where: { id: review.youngPersonId } });
  const kind = kindOfReview(person, review.kind);
  return db.$transaction(async (tx) => {
    const newDate = changed.includes('meetingDate') ? meeting.meetingDate : undefined;
    const eventIds =
      newDate && kind.events.planned
        ? await recordEvents(
            tx,
            actor,
            person.id,
            [{ type: kind.events.planned, date: today, meetingDate: newDate }],
            today,
          )
        : [];
    await claimReview(tx, review, version, {
      ...meeting,
      ...(newDate ? { meetingDate: dateColumn(newDate) } : {}),
      sequence: { increment: 1 },
      plannedEventIds: { push: eventIds },
    });
    const moved = await findReview(tx, review.id);
    if (moved.invitationsReleased) await sendInApp(tx, moved, standingInvitations(moved), now);
    await audit(tx, actor, {
      action: 'move',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
      detail: { changed },
    });
    return findReview(tx, review.id);
  });
}

/**
 * Cancels a meeting: everyone sent an invitation is sent a cancellation, and the "meeting
 * arranged" events it recorded are withdrawn, so the plan no longer counts down to it.
 */
export async function cancelReview(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  now: Date;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, now, today } = options;
  refuseUnless(review, ['planned'], 'cancel it');
  return db.$transaction(async (tx) => {
    await claimReview(tx, review, version, { status: 'cancelled', cancelledAt: now, sequence: { increment: 1 } });
    await withdrawInTransaction(tx, actor, review.youngPersonId, review.plannedEventIds, today);
    await audit(tx, actor, {
      action: 'cancel',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/** Saves the young person's one-page profile for the meeting (they, their family or staff with them). */
export async function saveReviewProfile(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  profile: ReviewProfile;
  now: Date;
}): Promise<ReviewWithParts> {
  const { db, actor, review, profile, now } = options;
  refuseUnless(review, ['planned', 'held'], 'change the profile');
  return db.$transaction(async (tx) => {
    await tx.review.update({
      where: { id: review.id },
      data: { profile, profileUpdatedAt: now, version: { increment: 1 } },
    });
    await audit(tx, actor, {
      action: 'update_profile',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/**
 * The latest one-page profile the young person wrote for any of their reviews: a new
 * review starts from it, and the handover pack carries it.
 */
export async function latestReviewProfile(db: PrismaClient | Tx, youngPersonId: string): Promise<ReviewProfile | null> {
  const review = await db.review.findFirst({
    where: { youngPersonId, profileUpdatedAt: { not: null } },
    orderBy: { profileUpdatedAt: 'desc' },
    select: { profile: true },
  });
  const parsed = ZReviewProfile.safeParse(review?.profile);
  return parsed.success ? parsed.data : null;
}

/**
 * Records that the advice gathered went to everyone invited: for an EHC review, the plan's
 * "invitations and advice sent" milestone is done that day. Only once the invitations have gone.
 */
export async function circulateAdvice(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, today } = options;
  refuseUnless(review, ['planned'], 'circulate advice');
  if (!review.invitationsReleased)
    throw new AppError('unprocessable', 'Send the invitations first: the advice goes to the people invited.');
  if (review.adviceCirculatedOn) throw new AppError('unprocessable', 'The advice has already been sent round.');
  const person = await db.youngPerson.findUniqueOrThrow({ where: { id: review.youngPersonId } });
  const step = kindOfReview(person, review.kind).steps.find((candidate) => candidate.id === 'advice_circulated');
  return db.$transaction(async (tx) => {
    await claimReview(tx, review, version, { adviceCirculatedOn: dateColumn(today) });
    if (step?.milestoneId)
      await recordEvents(
        tx,
        actor,
        person.id,
        [{ type: 'milestone.recorded', date: today, milestoneId: step.milestoneId }],
        today,
      );
    await audit(tx, actor, {
      action: 'circulate_advice',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

export const ZMeetingRecord = z
  .object({
    heldOn: z.iso.date(),
    youngPersonTookPart: z.enum(TOOK_PART),
    outcomesDiscussed: z
      .array(z.enum(['employment', 'independent_living', 'community_inclusion', 'good_health']))
      .max(4)
      .default([]),
    notes: z.string().trim().max(10000).optional(),
    /** Who came: the ids of the invitations whose people attended (everyone else did not). */
    attended: z.array(z.uuid()).max(200).default([]),
  })
  .strict();
export type MeetingRecord = z.infer<typeof ZMeetingRecord>;

/**
 * Records the meeting: who came, whether and how the young person took part, the outcomes
 * talked about. The kind's "meeting held" event goes into the log dated the meeting, which
 * completes the plan's review milestones and dates the next yearly review: nothing is entered twice.
 */
export async function recordMeeting(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  record: MeetingRecord;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, record, today } = options;
  refuseUnless(review, ['planned'], 'record the meeting again');
  if (record.heldOn > today) throw new AppError('invalid', 'heldOn: cannot be in the future', { field: 'heldOn' });
  const standing = new Set(standingInvitations(review).map((invitation) => invitation.id));
  const stranger = record.attended.find((id) => !standing.has(id));
  if (stranger)
    throw new AppError('invalid', 'attended: includes someone not invited to this meeting', { field: 'attended' });
  const person = await db.youngPerson.findUniqueOrThrow({ where: { id: review.youngPersonId } });
  const kind = kindOfReview(person, review.kind);
  return db.$transaction(async (tx) => {
    await claimReview(tx, review, version, {
      status: 'held',
      heldOn: dateColumn(record.heldOn),
      youngPersonTookPart: record.youngPersonTookPart,
      outcomesDiscussed: record.outcomesDiscussed,
      meetingNotes: record.notes || null,
    });
    const attended = new Set(record.attended);
    for (const id of standing)
      await tx.reviewInvitation.update({ where: { id }, data: { attended: attended.has(id) } });
    if (kind.events.held)
      await recordEvents(tx, actor, person.id, [{ type: kind.events.held, date: record.heldOn }], today);
    await audit(tx, actor, {
      action: 'record_meeting',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

export const ZAfterMeeting = z
  .object({
    reportSentOn: z.iso.date().optional(),
    decision: z.enum(['keep', 'amend', 'cease']).optional(),
    decisionOn: z.iso.date().optional(),
    finalPlanOn: z.iso.date().optional(),
  })
  .strict();
export type AfterMeeting = z.infer<typeof ZAfterMeeting>;

/**
 * Records what happened after the meeting, each once: the report sent, the council's
 * decision, the final amended plan. Each goes into the event log as the kind says (the
 * decision completes the plan's decision milestone and opens the time to appeal). The review
 * is complete once nothing more can follow.
 */
export async function recordAfterMeeting(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  after: AfterMeeting;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, after, today } = options;
  refuseUnless(review, ['held'], 'record what happened after it');
  if (!after.decision !== !after.decisionOn)
    throw new AppError('invalid', 'decisionOn: give the decision and the day it was made together', {
      field: after.decision ? 'decisionOn' : 'decision',
    });
  const person = await db.youngPerson.findUniqueOrThrow({ where: { id: review.youngPersonId } });
  const kind = kindOfReview(person, review.kind);
  const has = (id: string) => kind.steps.some((step) => step.id === id);
  const heldOn = isoDay(review.heldOn as Date);
  const checkDay = (field: keyof AfterMeeting, day: string | undefined, from: string, fromWords: string) => {
    if (!day) return;
    if (review[field as 'decisionOn']) throw new AppError('unprocessable', `${field}: already recorded`, { field });
    if (day > today) throw new AppError('invalid', `${field}: cannot be in the future`, { field });
    if (day < from) throw new AppError('invalid', `${field}: cannot be before ${fromWords}`, { field });
  };
  checkDay('reportSentOn', after.reportSentOn, heldOn, 'the meeting');
  checkDay('decisionOn', after.decisionOn, heldOn, 'the meeting');
  if ((after.decision && !has('decision')) || (after.finalPlanOn && !has('final_plan')))
    throw new AppError('invalid', 'decision: this kind of meeting has no council decision', { field: 'decision' });
  const decision = after.decision ?? review.decision;
  const decisionOn = after.decisionOn ?? (review.decisionOn ? isoDay(review.decisionOn) : undefined);
  if (after.finalPlanOn) {
    if (decision !== 'amend' || !decisionOn)
      throw new AppError(
        'unprocessable',
        'finalPlanOn: there is a final plan only after a decision to amend the plan',
        {
          field: 'finalPlanOn',
        },
      );
    checkDay('finalPlanOn', after.finalPlanOn, decisionOn, 'the decision');
  }
  const reportStep = kind.steps.find((step) => step.id === 'report');
  const events: Record<string, unknown>[] = [
    ...(after.reportSentOn && reportStep?.milestoneId
      ? [{ type: 'milestone.recorded', date: after.reportSentOn, milestoneId: reportStep.milestoneId }]
      : []),
    ...(after.decision && kind.events.decision
      ? [{ type: kind.events.decision, date: after.decisionOn, decision: after.decision }]
      : []),
    ...(after.finalPlanOn && kind.events.finalPlan ? [{ type: kind.events.finalPlan, date: after.finalPlanOn }] : []),
  ];
  const reportSent = !!(after.reportSentOn ?? review.reportSentOn);
  const finished = has('decision')
    ? !!decision && (decision !== 'amend' || !!(after.finalPlanOn ?? review.finalPlanOn)) && reportSent
    : reportSent;
  return db.$transaction(async (tx) => {
    await claimReview(tx, review, version, {
      ...(after.reportSentOn ? { reportSentOn: dateColumn(after.reportSentOn) } : {}),
      ...(after.decision && after.decisionOn
        ? { decision: after.decision, decisionOn: dateColumn(after.decisionOn) }
        : {}),
      ...(after.finalPlanOn ? { finalPlanOn: dateColumn(after.finalPlanOn) } : {}),
      ...(finished ? { status: 'completed' } : {}),
    });
    await recordEvents(tx, actor, person.id, events, today);
    await audit(tx, actor, {
      action: 'record_after_meeting',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
      detail: Object.keys(after),
    });
    return findReview(tx, review.id);
  });
}
