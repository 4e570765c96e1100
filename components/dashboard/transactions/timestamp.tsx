import { type DateStyle, formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/format/number';

/** A moment in the page's calendar (Jalali in Persian, Gregorian in English, Iran time), machine-readable too. */
export function Timestamp({ value, locale, style = 'dateTime' }: { value: string; locale: Locale; style?: DateStyle }) {
  return (
    <time dateTime={value} title={value}>
      {formatDate(value, locale, style)}
    </time>
  );
}

/** A moment as its day over its time, for a table's narrow column. */
export function DateOverTime({ value, locale }: { value: string; locale: Locale }) {
  return (
    <>
      <Timestamp value={value} locale={locale} style="date" />
      <br />
      <Timestamp value={value} locale={locale} style="time" />
    </>
  );
}
