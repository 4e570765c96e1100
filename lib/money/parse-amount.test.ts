import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, MAX_UNITS } from './amount';
import { amountSchema } from './amount-schema';
import { formatAmount } from './format-amount';
import { parseAmount, safeParseAmount } from './parse-amount';

const MAX_UINT256 = 2n ** 256n - 1n;
const rejects = (text: string, decimals: number, options?: Parameters<typeof safeParseAmount>[2]) =>
  expect(safeParseAmount(text, decimals, options), JSON.stringify(text)).toMatchObject({ ok: false });

describe('parseAmount', () => {
  it('reads plain decimal strings into exact base units', () => {
    expect(parseAmount('0.00123400', 8)).toEqual(amount(123_400n, 8));
    expect(parseAmount('0.001234', 8)).toEqual(amount(123_400n, 8));
    expect(parseAmount('1', 18)).toEqual(amount(10n ** 18n, 18));
    expect(parseAmount('1250000', 0)).toEqual(amount(1_250_000n, 0));
    expect(parseAmount('0', 0)).toEqual(amount(0n, 0));
    expect(parseAmount('0.0', 2)).toEqual(amount(0n, 2));
    expect(parseAmount('0.1', 1).units).toBe(1n); // 0.1 is exact here, unlike in a float
    expect(parseAmount('-1.5', 8, { negative: true })).toEqual(amount(-150_000_000n, 8));
  });

  it('round-trips max uint256 at 18 decimals, digit for digit', () => {
    const text = '115792089237316195423570985008687907853269984665640564039457.584007913129639935';
    expect(parseAmount(text, 18)).toEqual(amount(MAX_UINT256, 18));
    expect(formatAmount(amount(MAX_UINT256, 18))).toBe(text);
    expect(parseAmount(MAX_UINT256.toString(), 0).units).toBe(MAX_UINT256);
  });

  it('stops at MAX_UNITS (numeric(78,0)) and refuses absurd lengths before doing any work', () => {
    expect(parseAmount(MAX_UNITS.toString(), 0).units).toBe(MAX_UNITS);
    expect(safeParseAmount((MAX_UNITS + 1n).toString(), 0)).toEqual({ ok: false, message: 'Amount is too large' });
    // At 78 decimals one whole coin is 10^78 units, one too many; its smallest unit fits.
    expect(safeParseAmount('1', 78)).toEqual({ ok: false, message: 'Amount is too large' });
    expect(parseAmount(`0.${'0'.repeat(77)}1`, 78).units).toBe(1n);
    expect(safeParseAmount('1'.repeat(1_000_000), 0)).toEqual({ ok: false, message: 'Amount is too long' });
  });

  it('refuses leading zeros but keeps a single zero before the point', () => {
    for (const text of ['00', '007', '00.5', '01.5', '-01']) rejects(text, 2, { negative: true });
    expect(safeParseAmount('007', 0)).toEqual({ ok: false, message: 'Amount must not have leading zeros' });
    expect(parseAmount('0.5', 1).units).toBe(5n);
  });

  it('refuses "-0" in any spelling: zero has no sign', () => {
    for (const text of ['-0', '-0.0', '-0.00000000']) {
      expect(safeParseAmount(text, 8, { negative: true })).toEqual({ ok: false, message: 'Zero has no sign' });
    }
    expect(formatAmount(amount(-0n, 8))).toBe('0.00000000');
  });

  it('refuses signs unless negatives are allowed, and "+" always', () => {
    expect(safeParseAmount('-1', 0)).toEqual({ ok: false, message: 'Amount must not be negative' });
    for (const text of ['+1', '+0', '--1', '1-', '-', '-.5']) rejects(text, 2, { negative: true });
  });

  it('refuses more decimals than the currency has, even as trailing zeros', () => {
    expect(safeParseAmount('0.000000001', 8)).toEqual({ ok: false, message: 'Amount has more than 8 decimal places' });
    expect(safeParseAmount('1.0', 0)).toEqual({ ok: false, message: 'Amount must be a whole number' });
    rejects('1.50', 1);
    expect(parseAmount('1.50', 2).units).toBe(150n);
  });

  it('refuses exponents, hex, words, empty input and every whitespace trick', () => {
    const bad = [
      '', '.', '.5', '5.', '1..2', '1.2.3', '1e3', '1E3', '1e-8', '0x10', '0b1', '0o7', '1_000', '1,000', '1 000',
      'Infinity', 'NaN', 'null', ' 1', '1 ', '1\n', '\n1', '\t1', '1\u00a0', '\u200c1', '1\u200f', '\ufeff1', '１',
      '٫5', '1٫5',
    ];
    for (const text of bad) rejects(text, 8, { negative: true });
  });

  it('reads Persian and Arabic-Indic digits and the Arabic decimal point only in user input', () => {
    expect(parseAmount('۱۲٫۵', 2, { userInput: true }).units).toBe(1_250n);
    expect(parseAmount('١٢٣', 0, { userInput: true }).units).toBe(123n);
    expect(parseAmount('12.5', 2, { userInput: true }).units).toBe(1_250n);
    rejects('۱۲٫۵', 2);
    rejects('۱۲۳', 0);
    // Converting digits forgives nothing else.
    for (const text of ['۱ ۲', '۱٬۲۵۰', ' ۱', '۰۱', '۱e۳', '-۱']) rejects(text, 2, { userInput: true });
  });

  it('throws on impossible decimals, and parseAmount throws the message', () => {
    expect(() => safeParseAmount('1', -1)).toThrow(RangeError);
    expect(() => safeParseAmount('1', 1.5)).toThrow(RangeError);
    expect(() => safeParseAmount('1', 256)).toThrow(RangeError);
    expect(() => parseAmount('1e3', 0)).toThrow('Amount must be a plain decimal number like 12.5: "1e3"');
  });
});

describe('amountSchema', () => {
  const schema = amountSchema(8);
  it('turns a decimal string into an Amount, and a bad one into a validation issue', () => {
    expect(schema.parse('0.00123400')).toEqual(amount(123_400n, 8));
    const result = schema.safeParse('1e-8');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Amount must be a plain decimal number like 12.5');
  });
  it('refuses JSON numbers: they have already been floats', () => {
    expect(schema.safeParse(0.1).success).toBe(false);
  });
});

const decimalsArb = fc.integer({ min: 0, max: 18 });
const digits = (length: { minLength?: number; maxLength: number }) => fc.string({ unit: fc.constantFrom(...'0123456789'), ...length });
const unitsArb = fc.bigInt({ min: -MAX_UNITS, max: MAX_UNITS });

describe('parse and format properties', () => {
  it('parse(format(x)) is x for any amount and decimals 0..18', () => {
    fc.assert(
      fc.property(unitsArb, decimalsArb, (units, decimals) => {
        const x = amount(units, decimals);
        expect(parseAmount(formatAmount(x), decimals, { negative: true })).toEqual(x);
      }),
    );
  });

  it('also for small amounts, where the zero padding is', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), decimalsArb, (units, decimals) => {
        const x = amount(units, decimals);
        expect(parseAmount(formatAmount(x), decimals, { negative: true })).toEqual(x);
      }),
    );
  });

  // A valid input: "0" or a digit string without leading zero, an optional fraction of 1..decimals digits, an optional
  // "-" unless the value is zero.
  const validText = decimalsArb.chain((decimals) =>
    fc
      .record({
        negative: fc.boolean(),
        whole: fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.integer({ min: 1, max: 9 }), digits({ maxLength: 40 })).map(([first, rest]) => `${first}${rest}`),
        ),
        fraction: digits({ minLength: decimals === 0 ? 0 : 1, maxLength: decimals }),
        hasFraction: fc.boolean(),
      })
      .map(({ negative, whole, fraction, hasFraction }) => {
        const withFraction = hasFraction && decimals > 0;
        const zero = /^0*$/.test(whole + (withFraction ? fraction : ''));
        const sign = negative && !zero ? '-' : '';
        return { decimals, sign, whole, fraction: withFraction ? fraction : '' };
      }),
  );

  it('format(parse(s)) is s in canonical form: every decimal place written, nothing else changed', () => {
    fc.assert(
      fc.property(validText, ({ decimals, sign, whole, fraction }) => {
        const text = `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
        const canonical = `${sign}${whole}${decimals > 0 ? `.${fraction.padEnd(decimals, '0')}` : ''}`;
        const parsed = parseAmount(text, decimals, { negative: true });
        expect(formatAmount(parsed)).toBe(canonical);
        expect(parsed.units).toBe(BigInt(`${sign}${whole}${fraction.padEnd(decimals, '0')}`));
      }),
    );
  });

  it('never throws on arbitrary text, and only accepts plain ASCII decimals that round-trip', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789.-+eE ,٫۱١\n') }));
    fc.assert(
      fc.property(text, decimalsArb, fc.boolean(), (input, decimals, userInput) => {
        const result = safeParseAmount(input, decimals, { negative: true, userInput });
        if (!result.ok) return;
        const digit = userInput ? '[0-9\u06f0-\u06f9\u0660-\u0669]' : '[0-9]';
        expect(input).toMatch(new RegExp(`^-?${digit}+(${userInput ? '[.\u066b]' : '\\.'}${digit}+)?$`));
        expect(parseAmount(formatAmount(result.amount), decimals, { negative: true })).toEqual(result.amount);
      }),
      { numRuns: 2_000 },
    );
  });
});
