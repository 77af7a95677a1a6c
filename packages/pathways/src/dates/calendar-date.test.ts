import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDay } from '../testing/arbitraries.ts';
import {
  addDays,
  addMonths,
  daysInMonth,
  fromParts,
  isoToDay,
  isoWeekday,
  lastWeekdayOfMonth,
  parseIsoDate,
  toIsoDate,
  toParts,
} from './calendar-date.ts';

describe('fromParts / toParts', () => {
  it('puts 1970-01-01 at day 0 and agrees with the UTC calendar', () => {
    expect(fromParts(1970, 1, 1)).toBe(0);
    expect(fromParts(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    expect(fromParts(1900, 2, 28)).toBe(Date.UTC(1900, 1, 28) / 86_400_000);
  });

  it('round-trips every day and steps one calendar day at a time', () => {
    fc.assert(
      fc.property(arbitraryDay, (day) => {
        const parts = toParts(day);
        expect(fromParts(parts.year, parts.month, parts.day)).toBe(day);
        const utc = new Date(day * 86_400_000);
        expect(parts).toEqual({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
      }),
    );
  });
});

describe('parseIsoDate', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(parseIsoDate('2024-02-29')).toBe(fromParts(2024, 2, 29));
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    expect(parseIsoDate('2000-02-29')).toBe(fromParts(2000, 2, 29));
    expect(parseIsoDate('2024-13-01')).toBeUndefined();
    expect(parseIsoDate('2024-04-31')).toBeUndefined();
    expect(parseIsoDate('2024-4-1')).toBeUndefined();
    expect(parseIsoDate('2024-04-01T00:00:00Z')).toBeUndefined();
  });

  it('round-trips through toIsoDate', () => {
    fc.assert(
      fc.property(arbitraryDay, (day) => {
        expect(isoToDay(toIsoDate(day))).toBe(day);
      }),
    );
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(toIsoDate(addMonths(isoToDay('2025-08-31'), 6))).toBe('2026-02-28');
    expect(toIsoDate(addMonths(isoToDay('2023-08-31'), 6))).toBe('2024-02-29');
    expect(toIsoDate(addMonths(isoToDay('2024-03-31'), -1))).toBe('2024-02-29');
    expect(toIsoDate(addMonths(isoToDay('2024-01-15'), 12))).toBe('2025-01-15');
    expect(toIsoDate(addMonths(isoToDay('2024-01-15'), -13))).toBe('2022-12-15');
  });

  it('lands in the right month, never past its end, keeping the day when it exists', () => {
    fc.assert(
      fc.property(arbitraryDay, fc.integer({ min: -400, max: 400 }), (day, months) => {
        const from = toParts(day);
        const to = toParts(addMonths(day, months));
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});

describe('isoWeekday / lastWeekdayOfMonth', () => {
  it('knows the weekday', () => {
    expect(isoWeekday(isoToDay('1970-01-01'))).toBe(4);
    expect(isoWeekday(isoToDay('2024-06-28'))).toBe(5);
    expect(isoWeekday(isoToDay('1969-12-28'))).toBe(7);
  });

  it('finds the last Friday in June: a Friday, in June, within the last week', () => {
    expect(toIsoDate(lastWeekdayOfMonth(2024, 6, 5))).toBe('2024-06-28');
    expect(toIsoDate(lastWeekdayOfMonth(2028, 6, 5))).toBe('2028-06-30');
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), (year) => {
        const friday = lastWeekdayOfMonth(year, 6, 5);
        const { month, day } = toParts(friday);
        expect(isoWeekday(friday)).toBe(5);
        expect(month).toBe(6);
        expect(day).toBeGreaterThan(23);
        expect(toParts(addDays(friday, 7)).month).toBe(7);
      }),
    );
  });
});
