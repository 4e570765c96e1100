import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount } from './amount';
import { formatAmount } from './format-amount';
import { fromRials, rialsToToman, toRials, tomanToRials } from './rials';

describe('Rials as JSON integers', () => {
  it('round-trips every safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (rials) => {
        expect(toRials(fromRials(rials))).toBe(rials);
      }));
    expect(toRials(fromRials(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(toRials(fromRials(-Number.MAX_SAFE_INTEGER))).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it('refuses what is not a safe integer on the way in, rather than round', () => {
    for (const bad of [1.5, 0.1, Number.NaN, Infinity, 2 ** 53, 1e300]) expect(() => fromRials(bad)).toThrow(RangeError);
  });

  it('refuses what a JSON integer cannot carry exactly on the way out, and amounts of another scale', () => {
    expect(() => toRials(amount(2n ** 53n, 0))).toThrow(RangeError);
    expect(() => toRials(amount(-(2n ** 53n), 0))).toThrow(RangeError);
    expect(() => toRials(amount(1n, 8))).toThrow('Not a Rial amount: 8 decimals');
  });
});

describe('Toman', () => {
  it('is the same sum with one decimal place: no division', () => {
    expect(formatAmount(rialsToToman(fromRials(1_250_005)))).toBe('125000.5');
    expect(formatAmount(rialsToToman(fromRials(1_250_000)))).toBe('125000.0');
    expect(formatAmount(rialsToToman(fromRials(7)))).toBe('0.7');
    expect(toRials(tomanToRials(rialsToToman(fromRials(123_457))))).toBe(123_457);
  });
  it('refuses amounts of another scale', () => {
    expect(() => rialsToToman(amount(1n, 1))).toThrow(RangeError);
    expect(() => tomanToRials(amount(1n, 0))).toThrow(RangeError);
  });
});
