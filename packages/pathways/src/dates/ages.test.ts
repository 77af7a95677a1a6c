import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, dateOfAge } from './ages.ts';
import { addDays, isoToDay, toIsoDate, toParts } from './calendar-date.ts';
import { arbitraryDay } from '../testing/arbitraries.ts';

const age = (dob: string, years: number, months = 0, leap: 'march_1' | 'february_28' = 'march_1') =>
  toIsoDate(dateOfAge(isoToDay(dob), years, months, leap));

describe('dateOfAge', () => {
  it('is the anniversary of birth (Family Law Reform Act 1969 s.9)', () => {
    expect(age('2010-05-12', 18)).toBe('2028-05-12');
    expect(age('2010-09-01', 14)).toBe('2024-09-01');
    expect(age('2010-08-31', 17, 6)).toBe('2028-02-29');
    expect(age('2011-08-31', 17, 6)).toBe('2029-02-28');
  });

  describe('edge cases: 29 February birthdays', () => {
    it('falls on 1 March in a common year by default', () => {
      expect(age('2008-02-29', 18)).toBe('2026-03-01');
      expect(age('2008-02-29', 16)).toBe('2024-02-29');
    });

    it('falls on 28 February with the february_28 setting', () => {
      expect(age('2008-02-29', 18, 0, 'february_28')).toBe('2026-02-28');
      expect(age('2008-02-29', 16, 0, 'february_28')).toBe('2024-02-29');
    });

    it('uses ordinary month clamping for part-years', () => {
      expect(age('2008-02-29', 17, 6)).toBe('2025-08-29');
      expect(age('2008-02-29', 17, 12)).toBe('2026-03-01');
    });
  });

  it('moves forward with age and is never more than a day off the plain anniversary', () => {
    fc.assert(
      fc.property(
        arbitraryDay,
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('march_1' as const, 'february_28' as const),
        (dob, years, leap) => {
          const birthday = dateOfAge(dob, years, 0, leap);
          const next = dateOfAge(dob, years + 1, 0, leap);
          expect(next).toBeGreaterThan(birthday);
          const born = toParts(dob);
          const on = toParts(birthday);
          expect(on.year).toBe(born.year + years);
          if (!(born.month === 2 && born.day === 29)) expect([on.month, on.day]).toEqual([born.month, born.day]);
        },
      ),
    );
  });
});

describe('ageOn', () => {
  it('changes exactly on the birthday', () => {
    fc.assert(
      fc.property(
        arbitraryDay,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('march_1' as const, 'february_28' as const),
        (dob, years, leap) => {
          const birthday = dateOfAge(dob, years, 0, leap);
          expect(ageOn(birthday, dob, leap)).toBe(years);
          expect(ageOn(addDays(birthday, -1), dob, leap)).toBe(years - 1);
        },
      ),
    );
  });
});
