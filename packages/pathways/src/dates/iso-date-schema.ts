import { z } from 'zod';
import { parseIsoDate } from './calendar-date.ts';

/**
 * The calendar years a date may fall in. Nobody planned for here was born before 1900 or has a
 * milestone after 2199; the bounds keep nonsense (year 0000, 9999) out of date arithmetic and
 * the database, which would otherwise refuse it deep inside a write.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-29), from 1900 to 2199. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((text) => parseIsoDate(text) !== undefined, 'is not a real calendar date')
  .refine(
    (text) => Number(text.slice(0, 4)) >= FIRST_YEAR && Number(text.slice(0, 4)) <= LAST_YEAR,
    `must be between ${FIRST_YEAR} and ${LAST_YEAR}`,
  );
