import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englandRulePack } from '../rule-packs/england.ts';
import { denmarkRulePack } from '../rule-packs/denmark.ts';
import { dateOfAge } from './ages.ts';
import { addDays, isoToDay, isoWeekday, toIsoDate, toParts } from './calendar-date.ts';
import { arbitraryDay } from '../testing/arbitraries.ts';
import { cohortYear, endOfCompulsorySchool, schoolYearEnd, schoolYearOn, schoolYearStart } from './school-year.ts';

const ENGLAND = englandRulePack.schoolCalendar;
const DENMARK = denmarkRulePack.schoolCalendar;
const iso = toIsoDate;

describe('England school years', () => {
  it('puts Year 9 in the academic year the child turns 14', () => {
    expect(iso(schoolYearStart(isoToDay('2010-09-01'), 9, 0, ENGLAND))).toBe('2024-09-01');
    expect(iso(schoolYearStart(isoToDay('2011-08-31'), 9, 0, ENGLAND))).toBe('2024-09-01');
    expect(iso(schoolYearEnd(isoToDay('2011-08-31'), 9, 0, ENGLAND))).toBe('2025-08-31');
    expect(iso(schoolYearStart(isoToDay('2011-09-01'), 9, 0, ENGLAND))).toBe('2025-09-01');
  });

  it('moves the year group for a child taught out of their chronological year', () => {
    expect(iso(schoolYearStart(isoToDay('2011-08-31'), 9, 1, ENGLAND))).toBe('2025-09-01');
    expect(iso(schoolYearStart(isoToDay('2011-08-31'), 9, -1, ENGLAND))).toBe('2023-09-01');
  });

  it('ends compulsory school age on the last Friday of June of the year they turn 16 (IPSEA example)', () => {
    expect(iso(endOfCompulsorySchool(isoToDay('2007-09-23'), 0, ENGLAND))).toBe('2024-06-28');
    // A July or August birthday: compulsory school age ends before the 16th birthday.
    expect(iso(endOfCompulsorySchool(isoToDay('2008-08-31'), 0, ENGLAND))).toBe('2024-06-28');
  });

  it('invariant: the 14th birthday falls inside Year 9, for every date of birth and offset 0', () => {
    fc.assert(
      fc.property(arbitraryDay, fc.integer({ min: 5, max: 13 }), (dob, year) => {
        const birthday = dateOfAge(dob, year + 5, 0, 'march_1');
        expect(schoolYearStart(dob, year, 0, ENGLAND)).toBeLessThanOrEqual(birthday);
        expect(schoolYearEnd(dob, year, 0, ENGLAND)).toBeGreaterThanOrEqual(birthday);
        expect(schoolYearOn(birthday, dob, 0, ENGLAND)).toBe(year);
      }),
    );
  });

  it('invariant: years are contiguous 1 September to 31 August, and an offset shifts them whole years', () => {
    fc.assert(
      fc.property(
        arbitraryDay,
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: -2, max: 2 }),
        (dob, year, offset) => {
          const start = schoolYearStart(dob, year, offset, ENGLAND);
          const end = schoolYearEnd(dob, year, offset, ENGLAND);
          expect(toParts(start)).toMatchObject({ month: 9, day: 1 });
          expect(toParts(end)).toMatchObject({ month: 8, day: 31 });
          expect(addDays(end, 1)).toBe(schoolYearStart(dob, year + 1, offset, ENGLAND));
          expect(toParts(start).year - toParts(schoolYearStart(dob, year, 0, ENGLAND)).year).toBe(offset);
        },
      ),
    );
  });

  it('invariant: 1 September birthdays are the oldest of their cohort, 31 August the youngest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), (year) => {
        const oldest = isoToDay(`${year}-09-01`);
        const youngest = isoToDay(`${year + 1}-08-31`);
        expect(cohortYear(oldest, ENGLAND)).toBe(cohortYear(youngest, ENGLAND));
        expect(cohortYear(addDays(oldest, -1), ENGLAND)).toBe(cohortYear(oldest, ENGLAND) - 1);
        expect(cohortYear(addDays(youngest, 1), ENGLAND)).toBe(cohortYear(youngest, ENGLAND) + 1);
      }),
    );
  });

  it('invariant: compulsory school ends on a Friday in June, in the academic year they turn 16, at 15 or 16', () => {
    fc.assert(
      fc.property(arbitraryDay, (dob) => {
        const end = endOfCompulsorySchool(dob, 0, ENGLAND);
        expect(isoWeekday(end)).toBe(5);
        expect(toParts(end).month).toBe(6);
        expect(schoolYearOn(end, dob, 0, ENGLAND)).toBe(11);
        expect(end).toBeGreaterThanOrEqual(dateOfAge(dob, 15, 9, 'march_1'));
        expect(end).toBeLessThan(dateOfAge(dob, 16, 10, 'march_1'));
      }),
    );
  });
});

describe('Denmark school years', () => {
  it('groups by calendar year of birth, grade N from August of the year they turn N + 6', () => {
    expect(iso(schoolYearStart(isoToDay('2010-01-01'), 0, 0, DENMARK))).toBe('2016-08-01');
    expect(iso(schoolYearStart(isoToDay('2010-12-31'), 9, 0, DENMARK))).toBe('2025-08-01');
    expect(iso(endOfCompulsorySchool(isoToDay('2010-12-31'), 0, DENMARK))).toBe('2026-06-30');
  });
});
