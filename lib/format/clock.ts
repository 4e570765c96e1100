import { formatNumber, type Locale } from './number';

const twoDigits = { minimumIntegerDigits: 2, useGrouping: false } as const;

/** Seconds as a countdown "mm:ss" in the page's digits ("۰۹:۴۲"); minutes keep counting past 59 ("75:00"). */
export function formatClock(totalSeconds: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${formatNumber(minutes, locale, twoDigits)}:${formatNumber(seconds % 60, locale, twoDigits)}`;
}
