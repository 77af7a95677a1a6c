import { addDays, isoToDay, toIsoDate } from '../dates/calendar-date.ts';
import { applyOffset } from '../plan/evaluate-date.ts';
import type { AdviceRules } from '../rule-packs/types.ts';
import { onWorkingDay } from './working-days.ts';

/** The day advice is due by default: long enough before the meeting to circulate it in time, on a working day. */
export function defaultAdviceDue(rules: AdviceRules, meetingDate: string): string {
  const negative = Object.fromEntries(Object.entries(rules.dueBeforeMeeting).map(([unit, value]) => [unit, -value]));
  return onWorkingDay(toIsoDate(applyOffset(isoToDay(meetingDate), negative)), 'earlier');
}

export const ADVICE_STATUSES = ['waiting', 'late', 'received', 'received_late'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

export type AdviceRequestFacts = {
  dueOn: string;
  submittedOn: string | null;
  meetingDate: string;
  /** The day the reminder went, if it has. */
  remindedOn: string | null;
  /** The day the last chaser went, if one has. */
  chasedOn: string | null;
};

export function adviceStatus(request: Pick<AdviceRequestFacts, 'dueOn' | 'submittedOn'>, today: string): AdviceStatus {
  if (request.submittedOn) return request.submittedOn <= request.dueOn ? 'received' : 'received_late';
  return today > request.dueOn ? 'late' : 'waiting';
}

/**
 * The letter an advice request needs today, if any: a reminder `remindDaysBefore` it is due
 * (once), a chaser the day after it is due and every `chaseEveryDays` after that — never once
 * the advice has come, or once the meeting has been (it can no longer help the meeting).
 */
export function adviceLetterDue(
  rules: AdviceRules,
  request: AdviceRequestFacts,
  today: string,
): 'reminder' | 'chaser' | null {
  if (request.submittedOn || today >= request.meetingDate) return null;
  if (today > request.dueOn) {
    const nextChase = request.chasedOn
      ? toIsoDate(addDays(isoToDay(request.chasedOn), rules.chaseEveryDays))
      : toIsoDate(addDays(isoToDay(request.dueOn), 1));
    return today >= nextChase ? 'chaser' : null;
  }
  const remindFrom = toIsoDate(addDays(isoToDay(request.dueOn), -rules.remindDaysBefore));
  return !request.remindedOn && today >= remindFrom ? 'reminder' : null;
}

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Whether an agreed action is late: not done by its due date. */
export function isActionLate(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return action.status !== 'done' && today > action.dueOn;
}
