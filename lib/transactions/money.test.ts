import { describe, expect, it } from 'vitest';
import { percentToBasisPoints } from '@/lib/config/config';
import { calculateFee, chooseOffset, payableAmount } from './money';

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
  it('picks the smallest free step, and null when all are taken', () => {
    expect(chooseOffset(100_000, new Set(), 1_000, 5)).toBe(0);
    expect(chooseOffset(100_000, new Set([100_000, 101_000, 103_000]), 1_000, 5)).toBe(2_000);
    expect(chooseOffset(100_000, new Set([100_000, 101_000]), 1_000, 2)).toBeNull();
  });
});
