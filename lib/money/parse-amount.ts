import { toAsciiDigits } from '@/lib/banking/digits';
import { type Amount, amount, MAX_DECIMALS, MAX_UNITS } from './amount';

export interface ParseAmountOptions {
  /** Accept a leading "-" (never "-0"). Default false: amounts people pay or withdraw are never negative. */
  negative?: boolean;
  /**
   * Typed by a person: Persian and Arabic-Indic digits and the Arabic decimal separator (U+066B) become ASCII first.
   * Nothing else is forgiven: no spaces, no grouping separators. Default false: API input is ASCII.
   */
  userInput?: boolean;
}

export type ParseAmountResult = { ok: true; amount: Amount } | { ok: false; message: string };

// JSON's number grammar without exponent: one zero or no leading zero, a fraction only with digits on both sides.
const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
/** Longer than any acceptable amount (a sign, 78 digits, a point, every decimal): refused before any regex or BigInt. */
export const MAX_AMOUNT_LENGTH = 1 + String(MAX_UNITS).length + 1 + MAX_DECIMALS;

/**
 * A plain decimal string ("12", "0.5", "0.00123400") as an exact amount with `decimals` places. Refuses, with a
 * message: empty strings, whitespace anywhere, "+", exponents ("1e3"), hex, leading zeros ("007"), a bare "." on
 * either side (".5", "5."), more fraction digits than `decimals` (also trailing zeros beyond them: "1.50" at 1 decimal),
 * a sign unless allowed, "-0", and magnitudes above MAX_UNITS base units. No float is involved: the digits go straight
 * into a BigInt.
 */
export function safeParseAmount(text: string, decimals: number, options: ParseAmountOptions = {}): ParseAmountResult {
  const zero = amount(0n, decimals); // validates decimals before any input is judged
  if (typeof text !== 'string') return { ok: false, message: 'Amount must be a string' };
  if (text.length > MAX_AMOUNT_LENGTH) return { ok: false, message: 'Amount is too long' };
  const input = options.userInput ? toAsciiDigits(text).replace(/\u066b/g, '.') : text;
  if (input === '') return { ok: false, message: 'Amount is empty' };
  const match = DECIMAL.exec(input);
  if (!match) {
    return /^-?0[0-9]/.test(input)
      ? { ok: false, message: 'Amount must not have leading zeros' }
      : { ok: false, message: 'Amount must be a plain decimal number like 12.5' };
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > decimals) {
    const message = decimals === 0 ? 'Amount must be a whole number' : `Amount has more than ${decimals} decimal places`;
    return { ok: false, message };
  }
  if (sign && !options.negative) return { ok: false, message: 'Amount must not be negative' };
  const magnitude = BigInt(whole + fraction.padEnd(decimals, '0'));
  if (sign && magnitude === 0n) return { ok: false, message: 'Zero has no sign' };
  if (magnitude > MAX_UNITS) return { ok: false, message: 'Amount is too large' };
  return { ok: true, amount: magnitude === 0n ? zero : amount(sign ? -magnitude : magnitude, decimals) };
}

/** safeParseAmount for strings that must be valid (config, stored values): throws a RangeError with the message. */
export function parseAmount(text: string, decimals: number, options?: ParseAmountOptions): Amount {
  const result = safeParseAmount(text, decimals, options);
  if (!result.ok) throw new RangeError(`${result.message}: ${JSON.stringify(text.slice(0, 100))}`);
  return result.amount;
}
