import { ageOn, dateOfAge } from '../dates/ages.ts';
import { isoToDay, toIsoDate } from '../dates/calendar-date.ts';
import { RULE_PACKS } from '../rule-packs/index.ts';
import type { Jurisdiction } from '../rule-packs/types.ts';

/** The settings of a person's jurisdiction's rule pack (England's for one not known). */
function settingsOf(jurisdiction: string) {
  return (RULE_PACKS[jurisdiction as Jurisdiction] ?? RULE_PACKS.england).settings;
}

/** The day someone born on `dateOfBirth` turns `years`, as their jurisdiction counts a 29 February birthday. */
export function birthday(dateOfBirth: string, jurisdiction: string, years: number): string {
  return toIsoDate(dateOfAge(isoToDay(dateOfBirth), years, 0, settingsOf(jurisdiction).leapDayBirthday));
}

/** Someone's age in whole years on `day`, as their jurisdiction counts a 29 February birthday. */
export function ageInYears(dateOfBirth: string, jurisdiction: string, day: string): number {
  return ageOn(isoToDay(day), isoToDay(dateOfBirth), settingsOf(jurisdiction).leapDayBirthday);
}
