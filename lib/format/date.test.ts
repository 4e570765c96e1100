import { describe, expect, it } from 'vitest';
import { calendarDay, formatDate } from './date';

// 01:30 UTC is 05:00 in Tehran (UTC+03:30), on 7 Azar 1405.
const moment = new Date('2026-11-28T01:30:00Z');

describe('formatDate', () => {
  it('writes Jalali dates with Persian digits in Persian', () => {
    expect(formatDate(moment, 'fa')).toBe('۷ آذر ۱۴۰۵');
    expect(formatDate(moment, 'fa', 'dayMonth')).toBe('۷ آذر');
  });
  it('writes Gregorian dates in English', () => {
    expect(formatDate(moment, 'en')).toBe('28 November 2026');
    expect(formatDate(moment, 'en', 'dayMonth')).toBe('28 Nov');
  });
  it('shows the time in Iran, whatever the server zone', () => {
    expect(formatDate(moment, 'en', 'time')).toBe('05:00');
    expect(formatDate(moment, 'fa', 'time')).toBe('۰۵:۰۰');
    expect(formatDate('2026-11-28T01:30:00Z', 'en', 'dateTime')).toBe('28 November 2026 at 05:00');
  });
  it('crosses the Jalali new year on the right day', () => {
    // Nowruz 1406 falls on 21 March 2027 in Tehran.
    expect(formatDate(new Date('2027-03-20T21:00:00Z'), 'fa')).toBe('۱ فروردین ۱۴۰۶');
  });
});

describe('calendarDay', () => {
  it('is the day in Tehran, which starts at 20:30 UTC the evening before', () => {
    expect(calendarDay(new Date('2026-11-27T20:29:00Z'))).toBe('2026-11-27');
    expect(calendarDay(new Date('2026-11-27T20:30:00Z'))).toBe('2026-11-28');
  });
});
