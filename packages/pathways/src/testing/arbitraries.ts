import fc from 'fast-check';
import { fromParts, type DayNumber } from '../dates/calendar-date.ts';

/** Any valid calendar date from 1900 to 2100 (test support). */
export const arbitraryDay = fc.integer({ min: fromParts(1900, 1, 1), max: fromParts(2100, 12, 31) }).map((n) => n as DayNumber);
