import fc from 'fast-check';
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

describe('formatToman exactly', () => {
  it('writes every Rial as a tenth of a Toman, at any size and sign', () => {
    expect(formatToman(Number.MAX_SAFE_INTEGER, 'en')).toBe('900,719,925,474,099.1');
    expect(formatToman(-7, 'en')).toBe('-0.7');
    expect(formatToman(0, 'fa')).toBe('۰');
    fc.assert(
      fc.property(fc.maxSafeNat(), (rials) => {
        const digits = String(rials).padStart(2, '0');
        const tenths = digits.slice(-1);
        const expected = `${BigInt(digits.slice(0, -1)).toString()}${tenths === '0' ? '' : `.${tenths}`}`;
        expect(formatToman(rials, 'en').replace(/,/g, '')).toBe(expected);
      }),
    );
  });
  it('refuses what is not a whole number of Rials rather than show a wrong figure', () => {
    expect(() => formatToman(12.5, 'en')).toThrow(RangeError);
  });
});
