import { toParts, type DayNumber } from '../dates/calendar-date.ts';

const MONTH_NAMES = {
  'en-GB': [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  'da-DK': [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
} as const;

/**
 * "31 March 2028" (en-GB) or "31. marts 2028" (da-DK), from calendar parts so no time zone
 * can shift it. A lookup rather than Intl/date-fns: explanations format many dates per plan.
 */
export function formatLongDate(date: DayNumber, locale: keyof typeof MONTH_NAMES): string {
  const { year, month, day } = toParts(date);
  const monthName = MONTH_NAMES[locale][month - 1];
  return locale === 'da-DK' ? `${day}. ${monthName} ${year}` : `${day} ${monthName} ${year}`;
}
