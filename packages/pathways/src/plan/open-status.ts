/**
 * Where an open milestone stands on a day: `overdue` once its due date has passed, `due` from
 * the day its window opens (or, with no window, up to the due date), `upcoming` before the
 * window. The one definition: the engine plans with it, the caseload re-derives stored
 * statuses with it, and a test holds the caseload's SQL to it. Dates are day numbers or ISO
 * days, which order the same way.
 */
export function openStatus<D extends number | string>(
  windowStart: D | null | undefined,
  due: D,
  today: D,
): 'overdue' | 'due' | 'upcoming' {
  if (today > due) return 'overdue';
  if (windowStart === null || windowStart === undefined || today >= windowStart) return 'due';
  return 'upcoming';
}
