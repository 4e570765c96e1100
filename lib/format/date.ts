import type { Locale } from './number';

/**
 * Dates are shown in Iran's time zone whatever the server's zone is: merchants and buyers read their own clock, and a
 * "today" that flips at 03:30 local time would be wrong.
 */
export const DISPLAY_TIME_ZONE = 'Asia/Tehran';

// Persian uses the Solar Hijri (Jalali) calendar with Persian digits; English the Gregorian calendar.
const INTL_LOCALE: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB' };

const STYLES = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dayMonth: { month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "۷ آذر ۱۴۰۵" (fa) or "28 November 2026" (en); `style` picks date, date and time, day and month, or time. */
export function formatDate(value: Date | string, locale: Locale, style: DateStyle = 'date'): string {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...STYLES[style], timeZone: DISPLAY_TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter.format(typeof value === 'string' ? new Date(value) : value);
}

const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE });

/** The calendar day in Iran as "YYYY-MM-DD" (Gregorian): the key daily figures are grouped by. */
export const calendarDay = (value: Date): string => dayKey.format(value);
