import { addMonths, fromParts, toParts, type DayNumber } from './calendar-date.ts';

/**
 * How a 29 February birthday falls in a common year. The Family Law Reform Act 1969 s.9 says
 * an age is attained at the start of the anniversary, and secondary sources disagree on
 * which day that is (domain.md §2, confidence U), so it is a rule-pack setting.
 */
export type LeapDayBirthday = 'march_1' | 'february_28';

/**
 * The date on which a person born on `dateOfBirth` attains `years` years and `months`
 * months. Whole-year anniversaries of 29 February follow `leapDayBirthday`; other month
 * arithmetic clamps to the end of a shorter month.
 *
 * @example
 * dateOfAge(isoToDay('2008-02-29'), 18, 0, 'march_1') //=> 2026-03-01
 * dateOfAge(isoToDay('2008-08-31'), 17, 6, 'march_1') //=> 2026-02-28
 */
export function dateOfAge(
  dateOfBirth: DayNumber,
  years: number,
  months: number,
  leapDayBirthday: LeapDayBirthday,
): DayNumber {
  const shifted = addMonths(dateOfBirth, years * 12 + months);
  const born = toParts(dateOfBirth);
  if (born.month === 2 && born.day === 29) {
    const { year, month, day } = toParts(shifted);
    if (month === 2 && day === 28 && leapDayBirthday === 'march_1') return fromParts(year, 3, 1);
  }
  return shifted;
}

/** Whole years of age on `date`, consistent with {@link dateOfAge}. */
export function ageOn(date: DayNumber, dateOfBirth: DayNumber, leapDayBirthday: LeapDayBirthday): number {
  const estimate = toParts(date).year - toParts(dateOfBirth).year;
  return dateOfAge(dateOfBirth, estimate, 0, leapDayBirthday) <= date ? estimate : estimate - 1;
}
