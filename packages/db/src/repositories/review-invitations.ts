import { adviceLetterDue, defaultAdviceDue, reviewRulesOf, type AdviceRules } from '@pathways/engine';
import { z } from 'zod';
import { AppError, refusedByDatabase } from '../errors.ts';
import type { PrismaClient, Review, ReviewInvitation, YoungPerson } from '../generated/prisma/client.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';
import { audit, type Actor } from './actor.ts';
import { findReview, sendInApp, standingInvitations, type ReviewWithParts } from './review-records.ts';
import { dateColumn, isoDay } from './young-person-profile.ts';

/** Who an invitee is to the young person (SEND Regulations 2014 reg. 20(2) lists who must be asked). */
export const INVITEE_ROLES = [
  'young_person',
  'family',
  'school',
  'college',
  'council',
  'health',
  'social_care',
  'advocate',
  'other',
] as const;

export const ZAdviceRequest = z
  .object({
    question: z.string().trim().min(1).max(2000),
    /** Default: the rule pack's days before the meeting. */
    dueOn: z.iso.date().optional(),
  })
  .strict();
export type AdviceRequest = z.infer<typeof ZAdviceRequest>;

/** Someone to invite: a Pathways account (the route checks they may see the young person), or anyone by name. */
export type Invitee =
  | { userId: string; name: string; email: string; role: (typeof INVITEE_ROLES)[number] }
  | { name: string; email?: string; role: (typeof INVITEE_ROLES)[number] };

function adviceRulesOf(person: Pick<YoungPerson, 'jurisdiction'>): AdviceRules {
  const rules = reviewRulesOf(person.jurisdiction);
  if (!rules) throw new AppError('unprocessable', 'This young person’s rule pack has no reviews.');
  return rules.advice;
}

/** An advice request's due day: the one given (which must be before the meeting and not past), else the pack's default. */
function adviceDueOn(person: YoungPerson, review: Review, request: AdviceRequest, today: string): string {
  const meetingDate = isoDay(review.meetingDate);
  const dueOn = request.dueOn ?? defaultAdviceDue(adviceRulesOf(person), meetingDate);
  if (request.dueOn && request.dueOn < today)
    throw new AppError('invalid', 'advice.dueOn: must be today or later', { field: 'advice.dueOn' });
  if (dueOn >= meetingDate)
    throw new AppError('invalid', 'advice.dueOn: must be before the meeting', { field: 'advice.dueOn' });
  return dueOn;
}

function refuseUnlessPlanned(review: Review): void {
  if (review.status !== 'planned')
    throw new AppError('unprocessable', 'Invitations and advice can only change before the meeting is recorded.');
}

/**
 * Invites someone to a review, asking for their advice too if `advice` is given. Once the
 * worker has sent the invitations, a new invitee is sent theirs straight away (by the mail
 * run, or in the app). The same account or e-mail address twice is a `conflict`.
 */
export async function inviteToReview(options: {
  db: PrismaClient;
  actor: Actor;
  person: YoungPerson;
  review: ReviewWithParts;
  invitee: Invitee;
  advice?: AdviceRequest;
  now: Date;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, person, review, invitee, advice, now, today } = options;
  refuseUnlessPlanned(review);
  const email = invitee.email?.trim().toLowerCase() || null;
  const twice = standingInvitations(review).find(
    (invitation) =>
      ('userId' in invitee && invitation.userId === invitee.userId) || (email && invitation.email === email),
  );
  if (twice)
    throw new AppError('conflict', `${'userId' in invitee ? 'userId' : 'email'}: already invited`, {
      field: 'userId' in invitee ? 'userId' : 'email',
    });
  const dueOn = advice ? adviceDueOn(person, review, advice, today) : null;
  return db.$transaction(async (tx) => {
    const created = await tx.reviewInvitation.create({
      data: {
        reviewId: review.id,
        name: invitee.name,
        email,
        role: invitee.role,
        userId: 'userId' in invitee ? invitee.userId : null,
        adviceRequested: !!advice,
        adviceQuestion: advice?.question ?? null,
        adviceDueOn: dueOn ? dateColumn(dueOn) : null,
      },
    });
    if (review.invitationsReleased) await sendInApp(tx, review, [created], now);
    await audit(tx, actor, {
      action: 'invite',
      entityType: 'ReviewInvitation',
      entityId: created.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/** Asks an invitee for advice (or changes the question or due day) before the meeting. */
export async function requestAdvice(options: {
  db: PrismaClient;
  actor: Actor;
  person: YoungPerson;
  review: ReviewWithParts;
  invitation: ReviewInvitation;
  advice: AdviceRequest;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, person, review, invitation, advice, today } = options;
  refuseUnlessPlanned(review);
  if (invitation.adviceSubmittedAt) throw new AppError('unprocessable', 'Their advice has already come in.');
  const dueOn = adviceDueOn(person, review, advice, today);
  return db.$transaction(async (tx) => {
    await tx.reviewInvitation.update({
      where: { id: invitation.id },
      data: {
        adviceRequested: true,
        adviceQuestion: advice.question,
        adviceDueOn: dateColumn(dueOn),
        adviceRemindedOn: null,
        adviceChasedOn: null,
      },
    });
    await audit(tx, actor, {
      action: 'request_advice',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/** Withdraws an invitation; if one was sent, the mail run sends its calendar cancellation. */
export async function withdrawInvitation(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  invitation: ReviewInvitation;
  now: Date;
}): Promise<ReviewWithParts> {
  const { db, actor, review, invitation, now } = options;
  refuseUnlessPlanned(review);
  return db.$transaction(async (tx) => {
    await tx.reviewInvitation.update({ where: { id: invitation.id }, data: { withdrawnAt: now } });
    await audit(tx, actor, {
      action: 'withdraw',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/**
 * Sends the invitations: from now on every invitee has theirs (by e-mail through the mail
 * run, in the app for an account without an address), and every change to the meeting is
 * sent as an update.
 */
export async function sendInvitations(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  version: number;
  now: Date;
}): Promise<ReviewWithParts> {
  const { db, actor, review, version, now } = options;
  refuseUnlessPlanned(review);
  const standing = standingInvitations(review);
  if (standing.length === 0) throw new AppError('unprocessable', 'Invite someone first.');
  return db.$transaction(async (tx) => {
    const { count } = await tx.review.updateMany({
      where: { id: review.id, version },
      data: { invitationsReleased: true, version: { increment: 1 } },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this review; reload it and try again.', {
        currentVersion: review.version,
      });
    await sendInApp(tx, review, standing, now);
    await audit(tx, actor, {
      action: 'send_invitations',
      entityType: 'Review',
      entityId: review.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/**
 * The worker gives someone their invitation themselves (no e-mail service, or by post):
 * a new private link is made for it, shown once, and the invitation counts as sent.
 */
export async function sendInvitationByHand(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  invitation: ReviewInvitation;
  now: Date;
}): Promise<{ review: ReviewWithParts; token: string }> {
  const { db, actor, review, invitation, now } = options;
  refuseUnlessPlanned(review);
  if (!review.invitationsReleased) throw new AppError('unprocessable', 'Send the invitations first.');
  const token = newSecretToken();
  return db.$transaction(async (tx) => {
    await tx.reviewInvitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashToken(token), sentSequence: review.sequence, sentAt: now, sentBy: 'by_hand' },
    });
    await audit(tx, actor, {
      action: 'send_by_hand',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
    });
    return { review: await findReview(tx, review.id), token };
  });
}

export const REPLIES = ['accepted', 'declined', 'tentative'] as const;
export type Reply = (typeof REPLIES)[number];

/** The invitation a private link belongs to, while its meeting is still ahead or being written up; else `not_found`. */
export async function invitationByToken(
  db: PrismaClient,
  token: string,
): Promise<{ invitation: ReviewInvitation; review: ReviewWithParts }> {
  const invitation = await db.reviewInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.withdrawnAt) throw new AppError('not_found', 'This link no longer works.');
  const review = await findReview(db, invitation.reviewId);
  if (review.status === 'cancelled' || review.status === 'completed')
    throw new AppError('not_found', 'This link no longer works.');
  return { invitation, review };
}

/** Audits a look at a review through a private link (the invitee has no account: the invitation says who). */
export async function auditLinkRead(db: PrismaClient, invitation: ReviewInvitation, review: Review): Promise<void> {
  await audit(
    db,
    { userId: null, role: 'invitee' },
    {
      action: 'read',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
    },
  );
}

/** Records an invitee's reply (in the app, or through their private link). */
export async function replyToInvitation(options: {
  db: PrismaClient;
  actor: Actor;
  invitation: ReviewInvitation;
  review: Review;
  reply: Reply;
  now: Date;
}): Promise<void> {
  const { db, actor, invitation, review, reply, now } = options;
  if (review.status !== 'planned') throw new AppError('unprocessable', 'The meeting has already happened.');
  await db.$transaction(async (tx) => {
    await tx.reviewInvitation.update({ where: { id: invitation.id }, data: { reply, repliedAt: now } });
    await audit(tx, actor, {
      action: 'reply',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
      detail: { reply },
    });
  });
}

/** An adviser's advice, once; the day it came decides whether it was on time. */
export async function submitAdvice(options: {
  db: PrismaClient;
  actor: Actor;
  invitation: ReviewInvitation;
  review: Review;
  advice: string;
  now: Date;
  today: string;
}): Promise<void> {
  const { db, actor, invitation, review, advice, now, today } = options;
  if (!invitation.adviceRequested) throw new AppError('unprocessable', 'Nobody has asked for your advice.');
  if (invitation.adviceSubmittedAt) throw new AppError('unprocessable', 'Your advice has already been sent.');
  if (review.status !== 'planned') throw new AppError('unprocessable', 'The meeting has already happened.');
  await db.$transaction(async (tx) => {
    const { count } = await tx.reviewInvitation.updateMany({
      where: { id: invitation.id, adviceSubmittedAt: null },
      data: { advice, adviceSubmittedAt: now, adviceSubmittedOn: dateColumn(today) },
    });
    if (count === 0) throw new AppError('unprocessable', 'Your advice has already been sent.');
    await audit(tx, actor, {
      action: 'submit_advice',
      entityType: 'ReviewInvitation',
      entityId: invitation.id,
      youngPersonId: review.youngPersonId,
    });
  });
}

/** A letter the mail run owes an invitee. */
export type ReviewLetter = {
  kind: 'invitation' | 'cancellation' | 'advice_reminder' | 'advice_chaser';
  invitation: ReviewInvitation;
  review: Review;
  /** The young person's jurisdiction: the letter is written in its pack's words. */
  jurisdiction: string;
};

/**
 * Every letter owed today: invitations (new or updated) for meetings whose invitations were
 * sent, calendar cancellations, and advice reminders and chasers as the rule pack times them.
 */
export async function reviewLettersOwed(db: PrismaClient, today: string): Promise<ReviewLetter[]> {
  const invitations = await db.reviewInvitation.findMany({
    // Only what can still owe a letter, so each run reads the live reviews, not every one ever held:
    // cancellations not yet sent, and invitations to meetings still to come.
    where: {
      email: { not: null },
      OR: [
        {
          emailedSequence: { not: null },
          cancellationSentAt: null,
          OR: [{ withdrawnAt: { not: null } }, { review: { status: 'cancelled' } }],
        },
        {
          withdrawnAt: null,
          review: { status: 'planned', invitationsReleased: true, meetingDate: { gte: dateColumn(today) } },
        },
      ],
    },
    include: { review: { include: { youngPerson: { select: { jurisdiction: true } } } } },
  });
  const letters: ReviewLetter[] = [];
  for (const { review, ...invitation } of invitations) {
    const { youngPerson, ...plainReview } = review;
    const withdrawn = invitation.withdrawnAt || review.status === 'cancelled';
    if (withdrawn) {
      if (invitation.emailedSequence !== null && !invitation.cancellationSentAt)
        letters.push({ kind: 'cancellation', invitation, review: plainReview, jurisdiction: youngPerson.jurisdiction });
      continue;
    }
    if (review.status !== 'planned') continue;
    if (invitation.emailedSequence !== review.sequence) {
      letters.push({ kind: 'invitation', invitation, review: plainReview, jurisdiction: youngPerson.jurisdiction });
      continue;
    }
    const rules = reviewRulesOf(youngPerson.jurisdiction)?.advice;
    if (!rules || !invitation.adviceRequested || !invitation.adviceDueOn) continue;
    const day = (date: Date | null) => (date ? isoDay(date) : null);
    const letter = adviceLetterDue(
      rules,
      {
        dueOn: isoDay(invitation.adviceDueOn),
        submittedOn: day(invitation.adviceSubmittedOn),
        meetingDate: isoDay(review.meetingDate),
        remindedOn: day(invitation.adviceRemindedOn),
        chasedOn: day(invitation.adviceChasedOn),
      },
      today,
    );
    if (letter)
      letters.push({
        kind: letter === 'reminder' ? 'advice_reminder' : 'advice_chaser',
        invitation,
        review: plainReview,
        jurisdiction: youngPerson.jurisdiction,
      });
  }
  return letters;
}

/**
 * Sends one letter exactly once: the invitation is claimed in a transaction (still owing
 * this letter, a new private link made), `send` is given the link's token, and only if it
 * succeeds is the letter marked sent. Two processes never send it twice; a failure is
 * retried by the next run.
 */
export async function sendReviewLetter(options: {
  db: PrismaClient;
  letter: ReviewLetter;
  now: Date;
  today: string;
  send: (token: string) => Promise<void>;
}): Promise<boolean> {
  const { db, letter, now, today, send } = options;
  const { invitation, review } = letter;
  const token = newSecretToken();
  const still = { id: invitation.id, emailedSequence: invitation.emailedSequence, cancellationSentAt: null };
  // Invited by e-mail now, unless their account had it in the app already.
  const invited =
    invitation.sentSequence === review.sequence ? {} : { sentSequence: review.sequence, sentAt: now, sentBy: 'email' };
  const marks = {
    invitation: { emailedSequence: review.sequence, ...invited },
    cancellation: { cancellationSentAt: now },
    advice_reminder: { adviceRemindedOn: dateColumn(today) },
    advice_chaser: { adviceChasedOn: dateColumn(today) },
  }[letter.kind];
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.reviewInvitation.updateMany({
        where: {
          ...still,
          adviceRemindedOn: invitation.adviceRemindedOn,
          adviceChasedOn: invitation.adviceChasedOn,
        },
        data: { ...marks, ...(letter.kind === 'cancellation' ? {} : { tokenHash: hashToken(token) }) },
      });
      if (count === 0) return false;
      await send(token);
      await audit(
        tx,
        { userId: null, role: 'system' },
        {
          action: `email_${letter.kind}`,
          entityType: 'ReviewInvitation',
          entityId: invitation.id,
          youngPersonId: review.youngPersonId,
        },
      );
      return true;
    });
  } catch (error) {
    throw refusedByDatabase(error) ?? error;
  }
}
