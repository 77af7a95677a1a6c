import { adviceStatus, reviewKindOf, type ReviewStepId } from '@pathways/engine';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { clockOfReview, WITH_PARTS } from './review-records.ts';
import { isoDay } from './young-person-profile.ts';

type Tally = { onTime: number; late: number; notYetDue: number };
const tally = (): Tally => ({ onTime: 0, late: 0, notYetDue: 0 });

/** How an area's reviews keep their legal clocks: each step and the advice, on time or late. */
export type ReviewTimeliness = {
  areaId: string;
  reviews: number;
  /** Reviews whose every step so far was on time, and those with at least one late step. */
  reviewsOnTime: number;
  reviewsLate: number;
  steps: Partial<Record<ReviewStepId, Tally>>;
  advice: Tally;
};

/**
 * The timeliness of an area's reviews as of `today`, from each review's own clock (the rule
 * pack's): a step done by its due date is on time; done after it, or not done once it has
 * passed, is late; anything else is not yet due. Cancelled reviews are left out. Advice is
 * counted per request the same way.
 */
export async function reviewTimeliness(db: PrismaClient, areaId: string, today: string): Promise<ReviewTimeliness> {
  const reviews = await db.review.findMany({
    where: { youngPerson: { areaId }, status: { not: 'cancelled' } },
    include: { ...WITH_PARTS, youngPerson: { select: { jurisdiction: true } } },
  });
  const report: ReviewTimeliness = {
    areaId,
    reviews: 0,
    reviewsOnTime: 0,
    reviewsLate: 0,
    steps: {},
    advice: tally(),
  };
  for (const review of reviews) {
    const kind = reviewKindOf(review.youngPerson.jurisdiction, review.kind);
    if (!kind) continue;
    report.reviews += 1;
    let anyLate = false;
    for (const step of clockOfReview(review, kind, today)) {
      if (step.rule.nature !== 'task' || step.status === 'waiting' || step.status === 'not_needed') continue;
      const counts = (report.steps[step.id] ??= tally());
      if (step.status === 'done') counts.onTime += 1;
      else if (step.status === 'late' || step.status === 'done_late') {
        counts.late += 1;
        anyLate = true;
      } else counts.notYetDue += 1;
    }
    if (anyLate) report.reviewsLate += 1;
    else report.reviewsOnTime += 1;
    for (const invitation of review.invitations) {
      if (!invitation.adviceRequested || !invitation.adviceDueOn || invitation.withdrawnAt) continue;
      const status = adviceStatus(
        {
          dueOn: isoDay(invitation.adviceDueOn),
          submittedOn: invitation.adviceSubmittedOn ? isoDay(invitation.adviceSubmittedOn) : null,
        },
        today,
      );
      if (status === 'received') report.advice.onTime += 1;
      else if (status === 'late' || status === 'received_late') report.advice.late += 1;
      else report.advice.notYetDue += 1;
    }
  }
  return report;
}
