import { fromParts, lastWeekdayOfMonth, toParts, addDays, type DayNumber, type IsoWeekday } from './calendar-date.ts';

/**
 * How a jurisdiction's school years relate to dates of birth, as data in its rule pack.
 *
 * A cohort is everyone born from `cohortStart` in one year to the day before it in the next;
 * cohort year = the calendar year in which that span starts. School year (grade) N starts on
 * `yearStart` of calendar year `cohortYear + N + yearNumberOffset`.
 *
 * England (domain.md §2): academic year 1 Sep–31 Aug; a child is in Year N in the academic
 * year in which they turn N + 5, so cohortStart = yearStart = 1 September and the offset is 5.
 */
export type SchoolCalendar = {
  cohortStart: { month: number; day: number };
  yearStart: { month: number; day: number };
  yearNumberOffset: number;
  /** The day compulsory schooling ends, in the calendar year in which school year `afterSchoolYear` ends. */
  compulsorySchoolEnd:
    | { kind: 'lastWeekdayOfMonth'; weekday: IsoWeekday; month: number; afterSchoolYear: number }
    | { kind: 'fixedDate'; month: number; day: number; afterSchoolYear: number };
};

/** The cohort (for England: the academic year) a date of birth belongs to. */
export function cohortYear(dateOfBirth: DayNumber, calendar: SchoolCalendar): number {
  const { year, month, day } = toParts(dateOfBirth);
  const { month: cutMonth, day: cutDay } = calendar.cohortStart;
  return month > cutMonth || (month === cutMonth && day >= cutDay) ? year : year - 1;
}

/**
 * First day of school year N. `yearGroupOffset` moves a child taught out of their
 * chronological year group (+1 = a year behind).
 *
 * @example
 * // England: born 1 Sep 2010 (oldest in cohort) and 31 Aug 2011 (youngest) share Year 9
 * schoolYearStart(isoToDay('2011-08-31'), 9, 0, ENGLAND) //=> 2024-09-01
 */
export function schoolYearStart(
  dateOfBirth: DayNumber,
  schoolYear: number,
  yearGroupOffset: number,
  calendar: SchoolCalendar,
): DayNumber {
  const year = cohortYear(dateOfBirth, calendar) + schoolYear + calendar.yearNumberOffset + yearGroupOffset;
  return fromParts(year, calendar.yearStart.month, calendar.yearStart.day);
}

/** Last day of school year N (the day before school year N + 1 starts). */
export function schoolYearEnd(
  dateOfBirth: DayNumber,
  schoolYear: number,
  yearGroupOffset: number,
  calendar: SchoolCalendar,
): DayNumber {
  return addDays(schoolYearStart(dateOfBirth, schoolYear + 1, yearGroupOffset, calendar), -1);
}

/**
 * The end of compulsory school age. England: the last Friday in June of the academic year in
 * which the child turns 16 (Education Act 1996 s.8; IPSEA: born 23 Sep 2007 → 28 June 2024).
 * It can fall before the 16th birthday for July and August birthdays.
 */
export function endOfCompulsorySchool(
  dateOfBirth: DayNumber,
  yearGroupOffset: number,
  calendar: SchoolCalendar,
): DayNumber {
  const rule = calendar.compulsorySchoolEnd;
  const year = toParts(schoolYearEnd(dateOfBirth, rule.afterSchoolYear, yearGroupOffset, calendar)).year;
  return rule.kind === 'lastWeekdayOfMonth'
    ? lastWeekdayOfMonth(year, rule.month, rule.weekday)
    : fromParts(year, rule.month, rule.day);
}

/** The school year (grade) a child is in on `date`, which may be below 1 or above 13. */
export function schoolYearOn(
  date: DayNumber,
  dateOfBirth: DayNumber,
  yearGroupOffset: number,
  calendar: SchoolCalendar,
): number {
  const { year, month, day } = toParts(date);
  const { month: startMonth, day: startDay } = calendar.yearStart;
  const yearStarted = month > startMonth || (month === startMonth && day >= startDay) ? year : year - 1;
  return yearStarted - cohortYear(dateOfBirth, calendar) - calendar.yearNumberOffset - yearGroupOffset;
}
