import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, MAX_UNITS } from './amount';
import { addAmounts, multiplyAmount, subtractAmounts } from './arithmetic';
import { compareAmounts, maxAmount, minAmount } from './compare-amounts';

const units = fc.bigInt({ min: -MAX_UNITS, max: MAX_UNITS });
const decimals = fc.integer({ min: 0, max: 18 });
const pair = fc.tuple(units, units, decimals).map(([a, b, d]) => [amount(a, d), amount(b, d)] as const);

describe('arithmetic', () => {
  it('adds and subtracts exactly, beyond any float', () => {
    expect(addAmounts(amount(1n, 18), amount(10n ** 30n, 18))).toEqual(amount(10n ** 30n + 1n, 18));
    expect(subtractAmounts(amount(1n, 8), amount(3n, 8))).toEqual(amount(-2n, 8));
    expect(multiplyAmount(amount(10n, 0), 3)).toEqual(amount(30n, 0));
    expect(multiplyAmount(amount(10n, 0), -1n)).toEqual(amount(-10n, 0));
  });

  it('refuses to mix decimals, and multiplying by anything but a whole number', () => {
    expect(() => addAmounts(amount(1n, 8), amount(1n, 18))).toThrow('Amounts have different decimals: 8 and 18');
    expect(() => subtractAmounts(amount(1n, 0), amount(1n, 1))).toThrow(RangeError);
    expect(() => compareAmounts(amount(1n, 0), amount(1n, 1))).toThrow(RangeError);
    expect(() => minAmount(amount(1n, 0), amount(1n, 1))).toThrow(RangeError);
    expect(() => multiplyAmount(amount(1n, 0), 1.5)).toThrow(RangeError);
    expect(() => multiplyAmount(amount(1n, 0), 2 ** 53)).toThrow(RangeError);
  });

  it('subtract undoes add, and add undoes subtract', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(subtractAmounts(addAmounts(a, b), b)).toEqual(a);
        expect(addAmounts(subtractAmounts(a, b), b)).toEqual(a);
        expect(addAmounts(a, b)).toEqual(addAmounts(b, a));
      }),
    );
  });
});

describe('compare, min and max', () => {
  it('compare agrees with bigint order', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const expected = a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
        expect(compareAmounts(a, b)).toBe(expected);
        expect(compareAmounts(b, a)).toBe(-expected || 0);
        expect(compareAmounts(a, a)).toBe(0);
      }),
    );
  });

  it('min and max pick the smallest and largest', () => {
    fc.assert(
      fc.property(decimals, fc.array(units, { minLength: 1, maxLength: 10 }), (d, values) => {
        const [first, ...rest] = values.map((u) => amount(u, d));
        const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(minAmount(first!, ...rest).units).toBe(sorted[0]);
        expect(maxAmount(first!, ...rest).units).toBe(sorted.at(-1));
      }),
    );
    expect(minAmount(amount(5n, 2))).toEqual(amount(5n, 2));
  });
});
