import { describe, expect, it } from 'vitest';
import { daysBetween, displayName, formatDay, formatDayLong, formatMonth } from './format.ts';

describe('dates for the interface language', () => {
  it('formats calendar dates in English and Danish', () => {
    expect(formatDay('2028-03-03', 'en')).toBe('3 Mar 2028');
    expect(formatDay('2028-03-03', 'da')).toBe('3. mar. 2028');
    expect(formatDayLong('2028-03-03', 'en')).toBe('Friday 3 March 2028');
    expect(formatDayLong('2028-03-03', 'da')).toBe('fredag 3. marts 2028');
    expect(formatMonth('2027-01', 'da')).toBe('jan. 2027');
  });

  it('counts calendar days across a clock change', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-31', '2027-10-30')).toBe(-1);
  });
});

describe('names', () => {
  it('names a young person by their preferred name when they have one', () => {
    expect(displayName({ preferredName: 'May', givenName: 'Maya', familyName: 'Hill' })).toBe('May Hill');
    expect(displayName({ preferredName: null, givenName: 'Maya', familyName: 'Hill' })).toBe('Maya Hill');
  });
});
