import { describe, expect, it } from 'vitest';
import { formatRials, formatToman } from './money';

describe('formatRials', () => {
  it('groups thousands in the page language', () => {
    expect(formatRials(1_250_000, 'fa')).toBe('۱٬۲۵۰٬۰۰۰');
    expect(formatRials(1_250_000, 'en')).toBe('1,250,000');
  });
});

describe('formatToman', () => {
  it('divides by ten', () => {
    expect(formatToman(1_250_000, 'fa')).toBe('۱۲۵٬۰۰۰');
    expect(formatToman(1_263_000, 'en')).toBe('126,300');
  });
  it('keeps a final amount that is not a whole number of Toman exact, as one decimal place', () => {
    expect(formatToman(1_250_005, 'en')).toBe('125,000.5');
    expect(formatToman(1_250_001, 'fa')).toBe('۱۲۵٬۰۰۰٫۱');
    expect(formatToman(7, 'en')).toBe('0.7');
  });
});
