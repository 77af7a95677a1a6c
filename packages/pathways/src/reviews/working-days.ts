import { addDays, isoToDay, isoWeekday, toIsoDate } from '../dates/calendar-date.ts';
import type { NonWorkingDayRule } from '../rule-packs/types.ts';

/** Saturday or Sunday. (Bank holidays differ by nation and year: a council's own list is a later refinement.) */
function isWeekend(isoDay: string): boolean {
  return isoWeekday(isoToDay(isoDay)) >= 6;
}

/** A deadline moved off a weekend as its rule says: to the Friday before, or the Monday after. */
export function onWorkingDay(isoDay: string, rule: NonWorkingDayRule): string {
  if (rule === 'as_calculated' || !isWeekend(isoDay)) return isoDay;
  const step = rule === 'earlier' ? -1 : 1;
  let day = isoToDay(isoDay);
  while (isoWeekday(day) >= 6) day = addDays(day, step);
  return toIsoDate(day);
}
