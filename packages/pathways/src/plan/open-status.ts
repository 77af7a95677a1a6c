/**
 * Where an open task stands on a day: `missed` once the last day it could be done has passed,
 * `overdue` once its due date has passed, `due` from the day its window opens (or, with no
 * window, up to the due date), `upcoming` before the window. The one definition: the engine
 * plans with it, the caseload re-derives stored statuses with it, and a test holds the
 * caseload's SQL to it. Dates are day numbers or ISO days, which order the same way.
 */
export function openStatus<D extends number | string>(
  windowStart: D | null | undefined,
  due: D,
  today: D,
  missedAfter?: D | null,
): 'missed' | 'overdue' | 'due' | 'upcoming' {
  if (missedAfter !== null && missedAfter !== undefined && today > missedAfter) return 'missed';
  if (today > due) return 'overdue';
  if (windowStart === null || windowStart === undefined || today >= windowStart) return 'due';
  return 'upcoming';
}

/**
 * Where a legal fact or continuing duty stands on a day: `starts_later` before the day it
 * takes effect, `in_effect` from then, `ended` after its last day (if it has one). Held to
 * the caseload's SQL like `openStatus`.
 */
export function periodStatus<D extends number | string>(
  from: D,
  until: D | null | undefined,
  today: D,
): 'starts_later' | 'in_effect' | 'ended' {
  if (today < from) return 'starts_later';
  if (until !== null && until !== undefined && today > until) return 'ended';
  return 'in_effect';
}
