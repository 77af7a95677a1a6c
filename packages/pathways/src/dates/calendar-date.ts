/**
 * Calendar dates as whole day numbers (days since 1970-01-01), with no time of day and no
 * time zone: statutory dates are calendar dates in the person's jurisdiction, so nothing
 * here may depend on the machine's zone. Conversions use the proleptic Gregorian algorithms
 * from Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms".
 *
 * @module
 */

/** Days since 1970-01-01. A branded number so a year or a count is never passed as a date. */
export type DayNumber = number & { readonly __brand: 'DayNumber' };

export type DateParts = { year: number; month: number; day: number };

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a valid calendar date (the caller guarantees validity). */
export function fromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146097 + dayOfEra - 719468) as DayNumber;
}

export function toParts(date: DayNumber): DateParts {
  const z = date + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses `YYYY-MM-DD`; returns `undefined` for anything that is not a real calendar date. */
export function parseIsoDate(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return fromParts(year, month, day);
}

/** Parses a date the caller has already validated (e.g. by the zod schemas); throws otherwise. */
export function isoToDay(text: string): DayNumber {
  const date = parseIsoDate(text);
  if (date === undefined) throw new RangeError(`Not a calendar date: ${text}`);
  return date;
}

const ISO_CACHE_FROM = fromParts(1900, 1, 1);
const ISO_CACHE_TO = fromParts(2100, 12, 31);
const isoCache = new Array<string | undefined>(ISO_CACHE_TO - ISO_CACHE_FROM + 1);

/** `YYYY-MM-DD`. Plans format thousands of dates, mostly the same ones, so 1900–2100 are cached. */
export function toIsoDate(date: DayNumber): string {
  const inCache = date >= ISO_CACHE_FROM && date <= ISO_CACHE_TO;
  const cached = inCache ? isoCache[date - ISO_CACHE_FROM] : undefined;
  if (cached !== undefined) return cached;
  const { year, month, day } = toParts(date);
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (inCache) isoCache[date - ISO_CACHE_FROM] = text;
  return text;
}

export function addDays(date: DayNumber, days: number): DayNumber {
  return (date + days) as DayNumber;
}

/**
 * Adds calendar months, clamping to the end of a shorter month (31 August + 6 months is
 * 28 or 29 February), as the domain reference prescribes for "N months before/after".
 */
export function addMonths(date: DayNumber, months: number): DayNumber {
  const { year, month, day } = toParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function isoWeekday(date: DayNumber): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((date + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** The last given weekday of a month, e.g. the last Friday in June. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: IsoWeekday): DayNumber {
  const lastDay = fromParts(year, month, daysInMonth(year, month));
  const back = (isoWeekday(lastDay) - weekday + 7) % 7;
  return addDays(lastDay, -back);
}

export function yearOf(date: DayNumber): number {
  return toParts(date).year;
}

export function minDay(a: DayNumber, b: DayNumber): DayNumber {
  return a < b ? a : b;
}

export function maxDay(a: DayNumber, b: DayNumber): DayNumber {
  return a > b ? a : b;
}
