import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentToBasisPoints } from '@/lib/config/config';
import { calculateFee, candidateFinalAmounts, chooseFinalAmount, payableAmount } from './money';

describe('calculateFee', () => {
  const onePercent = { basisPoints: 100, min: 0 };
  it('takes the percentage in whole Rials, rounded up', () => {
    expect(calculateFee(1_250_000, onePercent)).toBe(12_500);
    expect(calculateFee(123_457, onePercent)).toBe(1_235);
    expect(calculateFee(10_001, { basisPoints: 75, min: 0 })).toBe(76);
    expect(calculateFee(100_000, { basisPoints: 0, min: 0 })).toBe(0);
  });
  it('holds the fee within min and max', () => {
    expect(calculateFee(10_000, { basisPoints: 100, min: 5_000 })).toBe(5_000);
    expect(calculateFee(900_000_000, { basisPoints: 100, min: 0, max: 40_000 })).toBe(40_000);
  });
  it('stays exact where floats would not', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(calculateFee(100, { basisPoints: 29, min: 0 })).toBe(1);
    expect(calculateFee(9_007_199_254_740, { basisPoints: 100, min: 0 })).toBe(90_071_992_548);
  });
});

describe('percentToBasisPoints', () => {
  it('parses percentages by string arithmetic', () => {
    expect(percentToBasisPoints('1')).toBe(100);
    expect(percentToBasisPoints('0.75')).toBe(75);
    expect(percentToBasisPoints('1.5')).toBe(150);
    expect(percentToBasisPoints('12.34')).toBe(1234);
  });
});

describe('payableAmount and chooseOffset', () => {
  it('adds the fee only when the customer pays it', () => {
    expect(payableAmount(100_000, 1_000, 'customer')).toBe(101_000);
    expect(payableAmount(100_000, 1_000, 'merchant')).toBe(100_000);
  });
  const rule = { step: 10, maxSteps: 1_000, maxBasisPoints: 100 };
  it('starts one step above the amount in whole Toman, never at the round amount itself', () => {
    expect(chooseFinalAmount(100_000, new Set(), rule)).toBe(100_010);
    // 123,457 + fee rounds up to whole Toman first.
    expect(chooseFinalAmount(123_457, new Set(), rule)).toBe(123_470);
    expect(chooseFinalAmount(100_000, new Set(), { ...rule, step: 1_000 })).toBe(101_000);
  });
  it('picks the smallest free step, and null when all are taken', () => {
    expect(chooseFinalAmount(100_000, new Set([100_010, 100_020, 100_040]), rule)).toBe(100_030);
    expect(chooseFinalAmount(100_000, new Set([100_010, 100_020]), { ...rule, maxSteps: 2 })).toBeNull();
  });
  it('keeps the offset within the share of the amount, though one step is always allowed', () => {
    // 1% of 100,000 is 1,000 Rials: 100 steps of 10.
    expect(candidateFinalAmounts(100_000, rule)).toEqual({ first: 100_010, last: 101_000 });
    // 1% of 10,000 is 100 Rials: 10 steps.
    expect(candidateFinalAmounts(10_000, rule)).toEqual({ first: 10_010, last: 10_100 });
    // maxSteps caps large amounts: 1,000 steps of 10 is 10,000 Rials.
    expect(candidateFinalAmounts(100_000_000, rule)).toEqual({ first: 100_000_010, last: 100_010_000 });
    // A share smaller than one step still allows one.
    expect(candidateFinalAmounts(10_000, { ...rule, maxBasisPoints: 1 })).toEqual({ first: 10_010, last: 10_010 });
    for (const base of [10_000, 10_001, 123_457, 1_250_000, 99_999_999]) {
      const { first, last } = candidateFinalAmounts(base, rule);
      expect(first % 10).toBe(0);
      expect(last % 10).toBe(0);
      expect(first).toBeGreaterThan(base);
      expect(last - base).toBeLessThanOrEqual(Math.max(first - base, base / 100));
    }
  });
});

// The rules as they were written before lib/money (number arithmetic with BigInt products), kept here as the oracle:
// moving onto lib/money must not change a single result for the amounts and settings KPay accepts.
const before = {
  calculateFee(amount: number, rule: { basisPoints: number; min: number; max?: number }): number {
    const raw = Number((BigInt(amount) * BigInt(rule.basisPoints) + 9_999n) / 10_000n);
    const floored = Math.max(raw, rule.min);
    return rule.max === undefined ? floored : Math.min(floored, rule.max);
  },
  candidateFinalAmounts(base: number, rule: { step: number; maxSteps: number; maxBasisPoints: number }) {
    const first = Math.ceil(base / 10) * 10 + rule.step;
    const maxOffset = Number((BigInt(base) * BigInt(rule.maxBasisPoints)) / 10_000n);
    const more = Math.max(0, Math.floor((base + maxOffset - first) / rule.step));
    return { first, last: first + Math.min(more, rule.maxSteps - 1) * rule.step };
  },
};

describe('the Rial rules on lib/money', () => {
  const amount = fc.integer({ min: 1, max: 1_000_000_000_000 });
  const basisPoints = fc.integer({ min: 0, max: 9_999 });
  const feeRule = fc.record(
    { basisPoints, min: fc.nat(1_000_000), max: fc.nat(10_000_000) },
    { requiredKeys: ['basisPoints', 'min'] },
  );

  it('compute the same fee as before for every amount and fee setting', () => {
    fc.assert(
      fc.property(amount, feeRule, (a, rule) => {
        expect(calculateFee(a, rule)).toBe(before.calculateFee(a, rule));
      }),
      { numRuns: 2_000 },
    );
  });

  it('offer the same final amounts as before for every amount and offset setting', () => {
    const rule = fc.record({
      step: fc.integer({ min: 1, max: 10_000 }).map((toman) => toman * 10),
      maxSteps: fc.integer({ min: 1, max: 5_000 }),
      maxBasisPoints: basisPoints,
    });
    fc.assert(
      fc.property(amount, rule, (base, r) => {
        expect(candidateFinalAmounts(base, r)).toEqual(before.candidateFinalAmounts(base, r));
      }),
      { numRuns: 2_000 },
    );
  });

  it('throw rather than round when a figure leaves the safe integer range', () => {
    expect(() => calculateFee(1.5, { basisPoints: 100, min: 0 })).toThrow(RangeError);
    expect(() => payableAmount(Number.MAX_SAFE_INTEGER, 1, 'customer')).toThrow(RangeError);
    const rule = { step: 10, maxSteps: 1, maxBasisPoints: 0 };
    expect(() => candidateFinalAmounts(Number.MAX_SAFE_INTEGER, rule)).toThrow(RangeError);
  });
});
