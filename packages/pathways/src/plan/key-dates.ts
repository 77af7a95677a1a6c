import { dateOfAge } from '../dates/ages.ts';
import { addDays, fromParts, minDay, toIsoDate, toParts, type DayNumber } from '../dates/calendar-date.ts';
import { schoolYearStart } from '../dates/school-year.ts';
import type { KeyDates } from '../machines/machine-input.ts';
import type { RulePack, RulePackSettings } from '../rule-packs/types.ts';

/** The product covers ages 14 to 25; without a statutory plan end, planning stops at 25. */
const DEFAULT_PLAN_END_AGE = 25;

export type KeyDayNumbers = { [K in keyof KeyDates]: DayNumber };

/** The dates every machine and many rules hang on, worked out once per person from the pack. */
export function computeKeyDates(
  pack: RulePack,
  settings: RulePackSettings,
  dateOfBirth: DayNumber,
  yearGroupOffset: number,
): KeyDayNumbers {
  const leap = settings.leapDayBirthday;
  const planEndAge = pack.planEnd?.age ?? DEFAULT_PLAN_END_AGE;
  const planEndsOn = dateOfAge(dateOfBirth, planEndAge, 0, leap);
  return {
    year9Start: schoolYearStart(dateOfBirth, 9, yearGroupOffset, pack.schoolCalendar),
    age16: dateOfAge(dateOfBirth, 16, 0, leap),
    adulthood: dateOfAge(dateOfBirth, pack.adulthoodAge, 0, leap),
    age19SchoolYearStart: schoolYearStart(
      dateOfBirth,
      19 - pack.schoolCalendar.yearNumberOffset,
      0,
      pack.schoolCalendar,
    ),
    planEndsOn,
    extendedPlanEndsOn: extendedPlanEnd(pack, dateOfBirth, leap) ?? planEndsOn,
  };
}

/**
 * First day no longer covered when the plan is kept to the end of the academic year in which
 * they turn 25 (CFA 2014 s.46; reg. 46: FE year ends 31 July): the 31 July after the 25th
 * birthday (same calendar year if the birthday is before 1 August), never past the day
 * before the 26th birthday.
 */
function extendedPlanEnd(
  pack: RulePack,
  dateOfBirth: DayNumber,
  leap: RulePackSettings['leapDayBirthday'],
): DayNumber | undefined {
  const extension = pack.planEnd?.extension;
  if (!pack.planEnd || !extension) return undefined;
  const lastBirthday = dateOfAge(dateOfBirth, pack.planEnd.age, 0, leap);
  const { year } = toParts(lastBirthday);
  const sameYearEnd = fromParts(year, extension.month, extension.day);
  const academicYearEnd =
    lastBirthday <= sameYearEnd ? sameYearEnd : fromParts(year + 1, extension.month, extension.day);
  const cap = addDays(dateOfAge(dateOfBirth, extension.capAge, 0, leap), -1);
  return addDays(minDay(academicYearEnd, cap), 1);
}

export function keyDatesToIso(keyDates: KeyDayNumbers): KeyDates {
  return Object.fromEntries(Object.entries(keyDates).map(([key, day]) => [key, toIsoDate(day)])) as KeyDates;
}
