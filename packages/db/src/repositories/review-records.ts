import {
  invitationsSentOn,
  reviewClock,
  reviewKindOf,
  type ReviewDecision,
  type ReviewKind,
  type ReviewStep,
} from '@pathways/engine';
import { AppError } from '../errors.ts';
import type {
  Prisma,
  PrismaClient,
  Review,
  ReviewAction,
  ReviewInvitation,
  YoungPerson,
} from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';
import { isoDay } from './young-person-profile.ts';

/*
 * What the review workflow's modules share: a review with its parts, its kind and clock, and
 * the in-app invitation (sent on release, on a new invitee and on a moved meeting).
 */

export type ReviewWithParts = Review & { invitations: ReviewInvitation[]; actions: ReviewAction[] };
export const WITH_PARTS = {
  invitations: { orderBy: { createdAt: 'asc' } },
  actions: { orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] },
} as const satisfies Prisma.ReviewInclude;

/** A review's kind from the young person's rule pack; `invalid` naming `kind` if the pack has none such. */
export function kindOfReview(person: Pick<YoungPerson, 'jurisdiction'>, kindId: string): ReviewKind {
  const kind = reviewKindOf(person.jurisdiction, kindId);
  if (!kind)
    throw new AppError('invalid', 'kind: not a kind of review in this young person’s rule pack', { field: 'kind' });
  return kind;
}

/** Invitations still standing (not withdrawn). */
export const standingInvitations = (review: ReviewWithParts) =>
  review.invitations.filter((invitation) => !invitation.withdrawnAt);

/** The review's clock for `today`, from the dates kept on it and its invitations. */
export function clockOfReview(review: ReviewWithParts, kind: ReviewKind, today: string): ReviewStep[] {
  const day = (date: Date | null) => (date ? isoDay(date) : null);
  return reviewClock(
    kind,
    {
      meetingDate: isoDay(review.meetingDate),
      invitationsSentOn: review.invitationsReleased
        ? invitationsSentOn(
            standingInvitations(review).map((invitation) => ({
              sentSequence: invitation.sentSequence,
              sentOn: invitation.sentAt ? invitation.sentAt.toISOString().slice(0, 10) : null,
            })),
            review.sequence,
          )
        : null,
      adviceCirculatedOn: day(review.adviceCirculatedOn),
      heldOn: day(review.heldOn),
      reportSentOn: day(review.reportSentOn),
      decision: review.decision as ReviewDecision | null,
      decisionOn: day(review.decisionOn),
      finalPlanOn: day(review.finalPlanOn),
      cancelled: review.status === 'cancelled',
    },
    today,
  );
}

/** One review with its invitations and actions, or `not_found`. */
export async function findReview(db: PrismaClient | Tx, id: string): Promise<ReviewWithParts> {
  const review = await db.review.findUnique({ where: { id }, include: WITH_PARTS });
  if (!review) throw new AppError('not_found', 'No such review.');
  return review;
}

/**
 * Invitees with an account are sent theirs in the app too (a notice dated the meeting, so a
 * moved meeting brings a new one) and count as invited now; e-mail follows by the mail run.
 */
export async function sendInApp(tx: Tx, review: Review, invitations: ReviewInvitation[], now: Date): Promise<void> {
  for (const invitation of invitations) {
    if (!invitation.userId) continue;
    const key = {
      userId: invitation.userId,
      reviewId: review.id,
      kind: 'review_invitation',
      onDate: review.meetingDate,
    };
    await tx.notification.upsert({
      where: { userId_reviewId_kind_onDate: key },
      // Its e-mail copy is the calendar invitation itself (sent by the mail run), not a reminder e-mail.
      create: { ...key, youngPersonId: review.youngPersonId, emailedAt: now },
      update: {},
    });
    if (invitation.sentSequence !== review.sequence)
      await tx.reviewInvitation.update({
        where: { id: invitation.id },
        data: { sentSequence: review.sequence, sentAt: now, sentBy: 'in_app' },
      });
  }
}

/** A review still under way, with its young person's name and named worker. */
export type OpenReview = ReviewWithParts & {
  youngPerson: {
    givenName: string;
    familyName: string;
    preferredName: string | null;
    jurisdiction: string;
    namedWorkerId: string | null;
  };
};

/**
 * An area's reviews still under way (arranged, or held and waiting for what follows), for a
 * caseload: each is read with its clock by the caller. Optionally only one named worker's.
 */
export function openReviewsOfArea(db: PrismaClient, areaId: string, namedWorkerId?: string): Promise<OpenReview[]> {
  return db.review.findMany({
    where: {
      status: { in: ['planned', 'held'] },
      youngPerson: { areaId, ...(namedWorkerId ? { namedWorkerId } : {}) },
    },
    include: {
      ...WITH_PARTS,
      youngPerson: {
        select: { givenName: true, familyName: true, preferredName: true, jurisdiction: true, namedWorkerId: true },
      },
    },
    orderBy: { meetingDate: 'asc' },
    take: 1000,
  });
}
