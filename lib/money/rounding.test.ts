import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, MAX_UNITS } from './amount';
import { parseAmount } from './parse-amount';
import { formatAmount } from './format-amount';
import { multiplyBasisPoints, roundAmount } from './rounding';

describe('multiplyBasisPoints', () => {
  it('rounds as asked, never to nearest', () => {
    // 0.29% of 100: 0.29 * 100 is 28.999999999999996 in floating point; here it is 29/100 of a unit.
    expect(multiplyBasisPoints(amount(100n, 0), 29, 'up')).toEqual(amount(1n, 0));
    expect(multiplyBasisPoints(amount(100n, 0), 29, 'down')).toEqual(amount(0n, 0));
    expect(multiplyBasisPoints(amount(1_250_000n, 0), 100, 'up')).toEqual(amount(12_500n, 0));
    expect(multiplyBasisPoints(amount(1_250_000n, 0), 100, 'down')).toEqual(amount(12_500n, 0));
    expect(multiplyBasisPoints(amount(1n, 0), 0, 'up')).toEqual(amount(0n, 0));
    expect(multiplyBasisPoints(amount(1n, 18), 10_000n, 'down')).toEqual(amount(1n, 18));
  });

  it('rounds toward +infinity ("up") and -infinity ("down") for negatives too', () => {
    expect(multiplyBasisPoints(amount(-1n, 0), 1, 'up')).toEqual(amount(0n, 0));
    expect(multiplyBasisPoints(amount(-1n, 0), 1, 'down')).toEqual(amount(-1n, 0));
    expect(multiplyBasisPoints(amount(-10_001n, 0), 10_000, 'down')).toEqual(amount(-10_001n, 0));
  });

  it('refuses fractional basis points', () => {
    expect(() => multiplyBasisPoints(amount(1n, 0), 0.5, 'up')).toThrow(RangeError);
  });

  it('lands within one unit of the exact product, on the side asked', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -MAX_UNITS, max: MAX_UNITS }),
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (units, decimals, bp) => {
          const exact = units * BigInt(bp); // the product, in 1/10,000 of a unit
          const up = multiplyBasisPoints(amount(units, decimals), bp, 'up');
          const down = multiplyBasisPoints(amount(units, decimals), bp, 'down');
          expect(up.decimals).toBe(decimals);
          expect(up.units * 10_000n >= exact && up.units * 10_000n - exact < 10_000n).toBe(true);
          expect(down.units * 10_000n <= exact && exact - down.units * 10_000n < 10_000n).toBe(true);
          expect(up.units - down.units).toBe(exact % 10_000n === 0n ? 0n : 1n);
        },
      ),
    );
  });
});

describe('roundAmount', () => {
  it('rounds to fewer places and keeps the decimals', () => {
    expect(formatAmount(roundAmount(parseAmount('1.23456789', 8), 2, 'up'))).toBe('1.24000000');
    expect(formatAmount(roundAmount(parseAmount('1.23456789', 8), 2, 'down'))).toBe('1.23000000');
    expect(formatAmount(roundAmount(parseAmount('1.20000000', 8), 2, 'up'))).toBe('1.20000000');
    expect(formatAmount(roundAmount(parseAmount('-1.231', 3, { negative: true }), 2, 'up'))).toBe('-1.230');
    expect(formatAmount(roundAmount(parseAmount('-1.231', 3, { negative: true }), 2, 'down'))).toBe('-1.240');
    expect(formatAmount(roundAmount(parseAmount('12345.6', 1), 0, 'up'))).toBe('12346.0');
    expect(roundAmount(parseAmount('1.5', 1), 3, 'up')).toEqual(parseAmount('1.5', 1));
    expect(() => roundAmount(parseAmount('1.5', 1), -1, 'up')).toThrow(RangeError);
  });

  it('lands on a multiple of the place within one step, on the side asked', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.nat(18), fc.nat(18), (units, decimals, places) => {
        const step = 10n ** BigInt(Math.max(0, decimals - places));
        const up = roundAmount(amount(units, decimals), places, 'up').units;
        const down = roundAmount(amount(units, decimals), places, 'down').units;
        expect(up % step).toBe(0n);
        expect(down % step).toBe(0n);
        expect(up >= units && up - units < step).toBe(true);
        expect(down <= units && units - down < step).toBe(true);
      }),
    );
  });
});
