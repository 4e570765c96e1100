import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount } from '@/lib/money/amount';
import { formatAmount } from '@/lib/money/format-amount';
import { parseAmount } from '@/lib/money/parse-amount';
import { cryptoUnitsForIrr, cryptoUnitsForUsd, usdForIrr } from './convert';
import { parseRate } from './decimal-rate';

const usd = (text: string) => parseAmount(text, 2);

describe('cryptoUnitsForUsd', () => {
  it('prices $100 at 65000.12 USD/BTC as ceil(100 * 1e8 / 65000.12) satoshi', () => {
    // 10^10 / 65000.12 = 153845.87...: the buyer pays the fraction of the last satoshi.
    expect(cryptoUnitsForUsd(usd('100'), '65000.12', 8)).toBe(153_846n);
    expect(cryptoUnitsForUsd(usd('100.00'), '65000.12', 8)).toBe((10n ** 10n * 100n + 6_500_012n - 1n) / 6_500_012n);
  });

  it('does not round an exact result up', () => {
    expect(cryptoUnitsForUsd(usd('100'), '50000', 8)).toBe(200_000n);
    expect(cryptoUnitsForUsd(usd('12.34'), '1', 6)).toBe(12_340_000n); // USDT on TRON, pegged
    expect(cryptoUnitsForUsd(usd('12.34'), '1', 18)).toBe(12_340_000_000_000_000_000n); // USDT on BSC: 18 decimals
  });

  it('keeps every digit of a rate a float would lose', () => {
    // $0.01 at 67187.3358 USD/BTC: 10^12 / 67187335800 = 14.88 -> 15 satoshi.
    expect(cryptoUnitsForUsd(usd('0.01'), '67187.3358', 8)).toBe(15n);
    // $0.07 at 0.05 USD/TRX is exactly 1.4 TRX; Math.ceil(0.07 / 0.05 * 1e6) is 1400001, one sun too many.
    expect(cryptoUnitsForUsd(usd('0.07'), '0.05', 6)).toBe(1_400_000n);
    // A rate's 28th significant digit still counts: a hair above 3456.78 is a hair cheaper, never the same wei count.
    const x = usd('3456.78');
    expect(cryptoUnitsForUsd(x, '3456.78', 18)).toBe(10n ** 18n);
    expect(cryptoUnitsForUsd(x, '3456.780000000000000000000001', 18)).toBe(10n ** 18n); // 1 - 3e-28 of a coin, rounded up
    expect(cryptoUnitsForUsd(x, '3456.779999999999999999999999', 18)).toBe(10n ** 18n + 1n);
    expect(cryptoUnitsForUsd(usd('1000000'), '0.000000000000000001', 0)).toBe(10n ** 24n);
  });

  it('is the same for a rate written with padding zeros', () => {
    expect(cryptoUnitsForUsd(usd('100'), '65000.1200', 8)).toBe(cryptoUnitsForUsd(usd('100'), '65000.12', 8));
  });

  it('never gives zero for a positive amount', () => {
    expect(cryptoUnitsForUsd(usd('0.01'), '99999999999999', 0)).toBe(1n);
  });

  it('refuses non-positive or malformed rates and inputs, and impossible decimals', () => {
    for (const rate of ['0', '0.00', '-1', '1e3', '', ' 1', '1.', '.5', '0x10', 'NaN', 'Infinity', '01']) {
      expect(() => cryptoUnitsForUsd(usd('1'), rate, 8), rate).toThrow(RangeError);
    }
    expect(() => cryptoUnitsForUsd(amount(0n, 2), '1', 8)).toThrow(RangeError);
    expect(() => cryptoUnitsForUsd(amount(-1n, 2), '1', 8)).toThrow('USD amount must be positive');
    for (const decimals of [-1, 1.5, 256, Number.NaN]) expect(() => cryptoUnitsForUsd(usd('1'), '1', decimals)).toThrow(RangeError);
  });
});

describe('cryptoUnitsForIrr', () => {
  it('converts Rials to USDT (6 decimals) at Rials per USDT', () => {
    // 10,000,000 Rials at 1,024,990 Rials/USDT = 9.756192...: 9756193 units of 10^-6 USDT.
    expect(cryptoUnitsForIrr(10_000_000n, '1024990', '1', 6)).toBe(9_756_193n);
    expect(cryptoUnitsForIrr(1_024_990n, '1024990', '1', 6)).toBe(1_000_000n); // exactly 1 USDT
  });

  it('converts Rials to ETH (18 decimals) through USD in one division', () => {
    // 50,000,000 / 1,024,990 / 3456.78 * 10^18, rounded up.
    expect(cryptoUnitsForIrr(50_000_000n, '1024990', '3456.78', 18)).toBe(14_111_677_259_391_454n);
    expect(cryptoUnitsForIrr(50_000_000n, '1024990', '3456.78', 18)).toBe((5n * 10n ** 27n + 1_024_990n * 345_678n - 1n) / (1_024_990n * 345_678n));
  });

  it('rounds once: going through a rounded USD amount would overcharge', () => {
    // 1,000,000 Rials is $0.9756...; rounded to $0.98 first it would cost 1508 satoshi instead of 1501.
    const direct = cryptoUnitsForIrr(1_000_000n, '1024990', '65000.12', 8);
    const viaRoundedUsd = cryptoUnitsForUsd(usdForIrr(1_000_000n, '1024990'), '65000.12', 8);
    expect(direct).toBe(1_501n);
    expect(viaRoundedUsd).toBe(1_508n);
  });

  it('never gives zero for a positive amount', () => {
    expect(cryptoUnitsForIrr(1n, '10000000', '100000', 8)).toBe(1n);
  });

  it('refuses non-positive rates and inputs', () => {
    expect(() => cryptoUnitsForIrr(0n, '1024990', '1', 6)).toThrow(RangeError);
    expect(() => cryptoUnitsForIrr(-5n, '1024990', '1', 6)).toThrow('Rial amount must be positive');
    expect(() => cryptoUnitsForIrr(1n, '0', '1', 6)).toThrow('Rials per USD must be greater than zero');
    expect(() => cryptoUnitsForIrr(1n, '1024990', '-1', 6)).toThrow(RangeError);
    expect(() => cryptoUnitsForIrr(1n, '1024990', '1', -1)).toThrow(RangeError);
  });
});

describe('usdForIrr', () => {
  it('is the USD value to the cent, rounded up', () => {
    expect(usdForIrr(10_000_000n, '1024990')).toEqual(amount(976n, 2));
    expect(formatAmount(usdForIrr(10_000_000n, '1024990'))).toBe('9.76');
    expect(usdForIrr(102_499_000n, '1024990')).toEqual(amount(10_000n, 2)); // exact: $100.00
    expect(usdForIrr(1n, '1024990')).toEqual(amount(1n, 2)); // never $0.00
  });

  it('refuses non-positive rates and inputs', () => {
    expect(() => usdForIrr(0n, '1024990')).toThrow(RangeError);
    expect(() => usdForIrr(1n, '0')).toThrow(RangeError);
  });
});

// A rate as a decimal string, with any scale and sometimes padding zeros (formatAmount writes every decimal place).
const rateArb = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 24n }), fc.integer({ min: 0, max: 18 }))
  .map(([units, scale]) => formatAmount(amount(units, scale)));
const currencyDecimals = fc.integer({ min: 0, max: 18 });
const pow10 = (n: number) => 10n ** BigInt(n);

describe('conversion properties', () => {
  it('cryptoUnitsForUsd: result * rate >= amount > (result - 1 unit) * rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), rateArb, currencyDecimals, (cents, rateText, decimals) => {
        const result = cryptoUnitsForUsd(amount(cents, 2), rateText, decimals);
        const rate = parseRate(rateText);
        // result / 10^decimals * rate.units / 10^rate.scale vs cents / 10^2, cross-multiplied to integers.
        const input = cents * pow10(decimals + rate.scale);
        expect(result >= 1n).toBe(true);
        expect(result * rate.units * 100n >= input).toBe(true);
        expect((result - 1n) * rate.units * 100n < input).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('cryptoUnitsForIrr: result * irrPerUsd * usdPerUnit >= rials > (result - 1 unit) * irrPerUsd * usdPerUnit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), rateArb, rateArb, currencyDecimals, (rials, irrText, usdText, decimals) => {
        const result = cryptoUnitsForIrr(rials, irrText, usdText, decimals);
        const irr = parseRate(irrText);
        const perUnit = parseRate(usdText);
        const input = rials * pow10(decimals + irr.scale + perUnit.scale);
        expect(result >= 1n).toBe(true);
        expect(result * irr.units * perUnit.units >= input).toBe(true);
        expect((result - 1n) * irr.units * perUnit.units < input).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('usdForIrr: cents * irrPerUsd >= rials > (cents - 1) * irrPerUsd', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), rateArb, (rials, irrText) => {
        const result = usdForIrr(rials, irrText);
        const irr = parseRate(irrText);
        const input = rials * pow10(2 + irr.scale);
        expect(result.decimals).toBe(2);
        expect(result.units * irr.units >= input).toBe(true);
        expect((result.units - 1n) * irr.units < input).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('Rials -> crypto in one step is never more than through the USD amount rounded to the cent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), rateArb, rateArb, currencyDecimals, (rials, irrText, usdText, decimals) => {
        const direct = cryptoUnitsForIrr(rials, irrText, usdText, decimals);
        expect(direct <= cryptoUnitsForUsd(usdForIrr(rials, irrText), usdText, decimals)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
