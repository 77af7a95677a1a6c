import { z } from 'zod';
import { parseIsoDate } from './calendar-date.ts';

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-29). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((text) => parseIsoDate(text) !== undefined, 'is not a real calendar date');
