/** The service's time zone unless SERVICE_TIME_ZONE says otherwise: an English council's. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day it is for the people the service serves, as YYYY-MM-DD: in a British
 * summer, 00:30 is already tomorrow there while UTC still says today. Deadlines, statuses and
 * the daily jobs all turn over at the service's midnight.
 */
export function serviceDay(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(now);
}

/** Whether a name is a time zone this runtime knows (IANA, e.g. Europe/Copenhagen). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
