import { describe, expect, it } from 'vitest';
import { testPaymentUnits } from './test-payment-amount';

describe('testPaymentUnits', () => {
  it('sends what is still due, half of it or one and a half times it, rounded down', () => {
    expect(testPaymentUnits(1000n, 0n, 'exact')).toBe(1000n);
    expect(testPaymentUnits(1001n, 0n, 'under')).toBe(500n);
    expect(testPaymentUnits(1001n, 0n, 'over')).toBe(1501n);
    expect(testPaymentUnits(1000n, 400n, 'exact')).toBe(600n);
    expect(testPaymentUnits(1000n, 400n, 'under')).toBe(300n);
  });

  it('sends the whole amount again once it is covered (a test of paying twice)', () => {
    expect(testPaymentUnits(1000n, 1000n, 'exact')).toBe(1000n);
    expect(testPaymentUnits(1000n, 1500n, 'under')).toBe(500n);
  });
});
