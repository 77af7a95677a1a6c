import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { da, enGB } from 'date-fns/locale';

const LOCALES = { en: enGB, da } as const;
const localeOf = (language: string) => LOCALES[language as keyof typeof LOCALES] ?? enGB;

/** "3 Mar 2028" / "3. mar. 2028": a calendar date (YYYY-MM-DD) for the interface language. */
export function formatDay(isoDay: string, language: string): string {
  return format(parseISO(isoDay), 'PP', { locale: localeOf(language) });
}

/** "Friday 3 March 2028": for the young person's pages, nothing abbreviated. */
export function formatDayLong(isoDay: string, language: string): string {
  return format(parseISO(isoDay), 'EEEE PPP', { locale: localeOf(language) });
}

/** A moment (ISO timestamp) with its time, for audit trails and acknowledgements. */
export function formatMoment(isoTimestamp: string, language: string): string {
  return format(parseISO(isoTimestamp), 'PPp', { locale: localeOf(language) });
}

/** "March 2028" for a YYYY-MM month. */
export function formatMonth(yearMonth: string, language: string): string {
  return format(parseISO(`${yearMonth}-01`), 'MMM yyyy', { locale: localeOf(language) });
}

/** Days from `today` to `isoDay` (negative when past). */
export function daysBetween(today: string, isoDay: string): number {
  return differenceInCalendarDays(parseISO(isoDay), parseISO(today));
}

/** The young person's name as people use it: the engine's one definition, as the API uses it. */
export { displayName } from '@pathways/engine';
