/**
 * Exact rates: a rate is a positive decimal string, read straight into a BigInt with its scale. No float is involved
 * anywhere, also not for a provider's JSON number (lossless-json hands its digits over as a string).
 */

/** A rate's exact value: units / 10^scale. */
export interface ExactRate {
  readonly units: bigint;
  readonly scale: number;
}

/** More digits than any real price needs; refused before any work, like parseAmount's MAX_AMOUNT_LENGTH. */
const MAX_RATE_LENGTH = 100;
/** A JSON number's exponent beyond this would mean a price of more than 10^60 or less than 10^-60: not a price. */
const MAX_EXPONENT = 60;

const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const JSON_NUMBER = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

/** "007.50" -> "7.5"; "0.000" -> "0": the digits without padding zeros on either side. */
function canonical(whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=[0-9])/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

/**
 * A positive plain decimal ("65000.12", "1", "0.2412") as an exact rate. Throws a RangeError, naming `what`, on
 * anything else: zero, a sign, an exponent, whitespace, hex, a bare point, an empty or absurdly long string.
 */
export function parseRate(text: string, what = 'Rate'): ExactRate {
  if (typeof text !== 'string') throw new RangeError(`${what} must be a decimal string, got ${typeof text}`);
  if (text.length > MAX_RATE_LENGTH) throw new RangeError(`${what} is too long`);
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) throw new RangeError(`${what} must be a plain positive decimal like 65000.12: ${JSON.stringify(text)}`);
  const [, whole = '', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  if (units <= 0n) throw new RangeError(`${what} must be greater than zero: ${JSON.stringify(text)}`);
  return { units, scale: fraction.length };
}

/** The canonical string of a valid rate ("65000.10" -> "65000.1"); throws parseRate's RangeError otherwise. */
export function canonicalRate(text: string, what = 'Rate'): string {
  parseRate(text, what);
  const [whole = '', fraction = ''] = text.split('.');
  return canonical(whole, fraction);
}

/**
 * A JSON number's text (as lossless-json keeps it: "67187.3358", "1.5e-7", "-2") as a canonical plain decimal string,
 * converted exactly by moving the point; null when it is not a JSON number or its exponent is absurd. The sign is kept:
 * the caller decides what a negative or zero price means (it refuses them).
 */
export function jsonNumberToPlainDecimal(text: string): string | null {
  if (typeof text !== 'string' || text.length > MAX_RATE_LENGTH) return null;
  const match = JSON_NUMBER.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return null;
  const digits = whole + fraction;
  const point = whole.length + exponent; // where the decimal point lands in `digits`
  const [w, f] =
    point <= 0 ? ['0', '0'.repeat(-point) + digits]
    : point >= digits.length ? [digits + '0'.repeat(point - digits.length), '']
    : [digits.slice(0, point), digits.slice(point)];
  const plain = canonical(w, f);
  return plain === '0' ? '0' : sign + plain;
}
