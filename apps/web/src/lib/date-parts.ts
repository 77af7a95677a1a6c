/** A date as a person types it into the GOV.UK date input: day, month and year apart. */
export type DateParts = { day: string; month: string; year: string };

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** What is wrong with a typed date, in GOV.UK's order: nothing typed, a part missing, not a real day. */
export type DateProblem = 'missing' | 'incomplete' | 'not_real';

/** The ISO day (YYYY-MM-DD) typed, or what is wrong with it. A two-digit year is not a year: "12" could be 1912 or 2012. */
export function isoOfParts(parts: DateParts): { iso: string } | { problem: DateProblem } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { problem: 'missing' };
  if (!day || !month || !year) return { problem: 'incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { problem: 'not_real' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso || Number(year) < 1900)
    return { problem: 'not_real' };
  return { iso };
}

/** The parts of an ISO day, for a form that changes a date already recorded. */
export function partsOfIso(iso: string | null | undefined): DateParts {
  if (!iso) return NO_DATE;
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
