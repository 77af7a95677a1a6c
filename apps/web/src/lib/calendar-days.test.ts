import { describe, expect, it } from 'vitest';
import { addDaysIso, localToday } from './calendar-days.ts';

describe('calendar days where the user is', () => {
  it('gives today as the local calendar date', () => {
    expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    expect(localToday(new Date(2027, 11, 31, 0, 1))).toBe('2027-12-31');
  });

  it('adds and takes away days across clock changes, month ends and leap days', () => {
    expect(addDaysIso('2027-03-27', 90)).toBe('2027-06-25');
    expect(addDaysIso('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDaysIso('2027-10-30', 1)).toBe('2027-10-31');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDaysIso('2026-11-26', -365)).toBe('2025-11-26');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
  });
});
