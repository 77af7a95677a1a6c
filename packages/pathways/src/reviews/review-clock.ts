import { isoToDay, toIsoDate } from '../dates/calendar-date.ts';
import { applyOffset } from '../plan/evaluate-date.ts';
import type { ReviewDecision, ReviewKind, ReviewStepId, ReviewStepRule } from '../rule-packs/types.ts';
import { onWorkingDay } from './working-days.ts';

/**
 * Where a step stands today: `waiting` for an earlier step to give its date, `not_needed`
 * (no final plan after a decision to keep), `to_do`, `late`, `done` or `done_late`; a legal
 * fact is `open` until its last day, then `closed`.
 */
export const REVIEW_STEP_STATUSES = [
  'waiting',
  'not_needed',
  'to_do',
  'late',
  'done',
  'done_late',
  'open',
  'closed',
] as const;
export type ReviewStepStatus = (typeof REVIEW_STEP_STATUSES)[number];

/** What has happened in a review so far: the dates its steps were done. */
export type ReviewFacts = {
  meetingDate: string;
  /** Every invitation sent for the current meeting date (null until the last one is, or after a postponement until the updates are). */
  invitationsSentOn?: string | null;
  adviceCirculatedOn?: string | null;
  heldOn?: string | null;
  reportSentOn?: string | null;
  decision?: ReviewDecision | null;
  decisionOn?: string | null;
  finalPlanOn?: string | null;
  cancelled?: boolean;
};

export type ReviewStep = {
  id: ReviewStepId;
  /** The day it is due (a legal fact: its last day), moved off a weekend as its rule says; null while waiting. */
  due: string | null;
  /** The day the law's arithmetic gives, before any move off a weekend. */
  calculatedDue: string | null;
  doneOn: string | null;
  status: ReviewStepStatus;
  rule: ReviewStepRule;
};

/** The day each step was done, from the facts. */
function doneOnOf(id: ReviewStepId, facts: ReviewFacts): string | null {
  switch (id) {
    case 'invitations':
      return facts.invitationsSentOn ?? null;
    case 'advice_circulated':
      return facts.adviceCirculatedOn ?? null;
    case 'meeting':
      return facts.heldOn ?? null;
    case 'report':
      return facts.reportSentOn ?? null;
    case 'decision':
      return facts.decisionOn ?? null;
    case 'final_plan':
      return facts.finalPlanOn ?? null;
    case 'appeal':
      return null;
  }
}

/** The day a step counts from, once it is known. */
function baseDay(rule: ReviewStepRule, facts: ReviewFacts): string | null {
  switch (rule.from) {
    case 'meeting':
      return facts.meetingDate;
    case 'decision':
      return facts.decisionOn ?? null;
    case 'appealable_letter':
      // After a decision to amend, what can be appealed is the final amended plan.
      return facts.decision === 'amend' ? (facts.finalPlanOn ?? null) : (facts.decisionOn ?? null);
  }
}

/**
 * A review's clock for `today`: every step of its kind with its due date (from the meeting
 * or the decision, as the rule pack says, moved off a weekend by the step's own rule), the day
 * it was done and its status. A postponed meeting simply has a new `meetingDate`: every step
 * counted from it moves with it, and invitations count as sent only once the updates are.
 */
export function reviewClock(kind: ReviewKind, facts: ReviewFacts, today: string): ReviewStep[] {
  return kind.steps.map((rule) => {
    const doneOn = doneOnOf(rule.id, facts);
    const skipped =
      facts.cancelled || (rule.onlyAfterDecision && facts.decision && !rule.onlyAfterDecision.includes(facts.decision));
    if (skipped) return { id: rule.id, due: null, calculatedDue: null, doneOn, status: 'not_needed', rule };
    const base = baseDay(rule, facts);
    if (!base || (rule.onlyAfterDecision && !facts.decision))
      return { id: rule.id, due: null, calculatedDue: null, doneOn, status: 'waiting', rule };
    const calculatedDue = toIsoDate(applyOffset(isoToDay(base), rule.offset));
    // The meeting's own date is the one the worker chose: it is never moved.
    const due = rule.id === 'meeting' ? calculatedDue : onWorkingDay(calculatedDue, rule.onNonWorkingDay);
    return { id: rule.id, due, calculatedDue, doneOn, status: statusOf(rule, due, doneOn, today), rule };
  });
}

function statusOf(rule: ReviewStepRule, due: string, doneOn: string | null, today: string): ReviewStepStatus {
  if (rule.nature === 'legal_fact') return today <= due ? 'open' : 'closed';
  if (doneOn) return doneOn <= due ? 'done' : 'done_late';
  return today > due ? 'late' : 'to_do';
}

/** The first step still to do (or late): what the review is waiting for. */
export function nextReviewStep(steps: readonly ReviewStep[]): ReviewStep | undefined {
  return steps.find((step) => step.status === 'to_do' || step.status === 'late');
}

/**
 * Whether every invitation has gone out for the meeting as it now stands, and when the last
 * did. `sequence` counts the meeting's changes (as iCalendar's SEQUENCE does): an invitation
 * sent before a postponement no longer counts until its update is sent.
 */
export function invitationsSentOn(
  invitations: readonly { sentSequence: number | null; sentOn: string | null }[],
  sequence: number,
): string | null {
  if (invitations.length === 0) return null;
  let last: string | null = null;
  for (const invitation of invitations) {
    if (invitation.sentSequence !== sequence || !invitation.sentOn) return null;
    if (!last || invitation.sentOn > last) last = invitation.sentOn;
  }
  return last;
}
