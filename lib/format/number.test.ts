import { describe, expect, it } from 'vitest';
import { formatNumber, localizeDigits } from './number';

describe('formatNumber', () => {
  it('writes Persian digits and the Arabic thousands separator in Persian', () => {
    expect(formatNumber(1_250_000, 'fa')).toBe('۱٬۲۵۰٬۰۰۰');
  });
  it('writes Latin digits with commas in English', () => {
    expect(formatNumber(1_250_000, 'en')).toBe('1,250,000');
  });
  it('formats a decimal string exactly, without going through a float', () => {
    expect(formatNumber('9007199254740993.5', 'en')).toBe('9,007,199,254,740,993.5');
    expect(formatNumber('125000.5', 'fa')).toBe('۱۲۵٬۰۰۰٫۵');
  });
});

describe('localizeDigits', () => {
  it('turns ASCII digits into Persian digits and leaves other characters alone', () => {
    expect(localizeDigits('6104 3312 3456 7890', 'fa')).toBe('۶۱۰۴ ۳۳۱۲ ۳۴۵۶ ۷۸۹۰');
    expect(localizeDigits('INV-42', 'fa')).toBe('INV-۴۲');
  });
  it('leaves English text as it is', () => {
    expect(localizeDigits('6104 3312', 'en')).toBe('6104 3312');
  });
});
