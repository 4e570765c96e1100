import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRate, jsonNumberToPlainDecimal, parseRate } from './decimal-rate';

describe('parseRate', () => {
  it('reads a positive plain decimal exactly', () => {
    expect(parseRate('65000.12')).toEqual({ units: 6_500_012n, scale: 2 });
    expect(parseRate('1')).toEqual({ units: 1n, scale: 0 });
    expect(parseRate('0.000000000000000001')).toEqual({ units: 1n, scale: 18 });
    expect(parseRate('67187.33580000000000000001')).toEqual({ units: 6_718_733_580_000_000_000_000_001n, scale: 20 });
  });

  it('refuses zero, signs, exponents and anything not a plain decimal', () => {
    for (const text of ['0', '0.0', '-1', '+1', '1e3', '1E-3', '', ' 1', '1 ', '.5', '5.', '01', '1,000', '0x1', 'NaN', '1'.repeat(101)]) {
      expect(() => parseRate(text), text).toThrow(RangeError);
    }
    expect(() => parseRate(1 as unknown as string)).toThrow(RangeError);
  });
});

describe('canonicalRate', () => {
  it('drops padding zeros and nothing else', () => {
    expect(canonicalRate('65000.10')).toBe('65000.1');
    expect(canonicalRate('65000.00')).toBe('65000');
    expect(canonicalRate('0.0100')).toBe('0.01');
    expect(canonicalRate('67187.3358')).toBe('67187.3358');
    expect(() => canonicalRate('0.00')).toThrow(RangeError);
  });
});

describe('jsonNumberToPlainDecimal', () => {
  it('writes exponents out exactly by moving the point', () => {
    expect(jsonNumberToPlainDecimal('67187.3358')).toBe('67187.3358');
    expect(jsonNumberToPlainDecimal('1.5e-7')).toBe('0.00000015');
    expect(jsonNumberToPlainDecimal('1.2345E-1')).toBe('0.12345');
    expect(jsonNumberToPlainDecimal('2.5e+3')).toBe('2500');
    expect(jsonNumberToPlainDecimal('6.71873358e4')).toBe('67187.3358');
    expect(jsonNumberToPlainDecimal('123e-3')).toBe('0.123');
    expect(jsonNumberToPlainDecimal('100')).toBe('100');
    expect(jsonNumberToPlainDecimal('1.000')).toBe('1');
    expect(jsonNumberToPlainDecimal('0')).toBe('0');
    expect(jsonNumberToPlainDecimal('-0.0')).toBe('0');
    expect(jsonNumberToPlainDecimal('-2.5')).toBe('-2.5');
  });

  it('refuses what is not a JSON number, and absurd exponents', () => {
    for (const text of ['', '01', '1.', '.1', '+1', '1e', '0x10', 'NaN', '1e61', '1e-61', '1e999999999999999999']) {
      expect(jsonNumberToPlainDecimal(text), text).toBeNull();
    }
  });

  it('is exact: m * 10^e read back equals the plain decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }), (m, e) => {
        const plain = jsonNumberToPlainDecimal(`${m}e${e}`);
        expect(plain).not.toBeNull();
        const { units, scale } = parseRate(plain!);
        // units / 10^scale === m * 10^e
        if (e >= 0) expect(units).toBe(m * 10n ** BigInt(e + scale));
        else expect(units * 10n ** BigInt(-e)).toBe(m * 10n ** BigInt(scale));
        expect(canonicalRate(plain!)).toBe(plain);
      }),
    );
  });
});
