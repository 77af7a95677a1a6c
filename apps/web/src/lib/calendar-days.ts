/**
 * Calendar days (YYYY-MM-DD) where the user is, without date-fns: the first requests
 * (first-requests.ts) need them before the app, and its date library, have loaded.
 */
const pad = (value: number) => String(value).padStart(2, '0');
const isoDayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Today's calendar date where the user is (the API works in calendar dates too). */
export function localToday(now = new Date()): string {
  return isoDayOf(now);
}

export function addDaysIso(isoDay: string, days: number): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  // Local noon: no clock change can move it to another day.
  return isoDayOf(new Date(year, month - 1, day + days, 12));
}
