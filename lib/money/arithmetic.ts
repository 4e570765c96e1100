import { type Amount, amount, sharedDecimals } from './amount';

export const addAmounts = (a: Amount, b: Amount): Amount => amount(a.units + b.units, sharedDecimals(a, b));

export const subtractAmounts = (a: Amount, b: Amount): Amount => amount(a.units - b.units, sharedDecimals(a, b));

/** `a` times a whole number (a count of steps, of items): exact, no rounding. */
export function multiplyAmount(a: Amount, factor: bigint | number): Amount {
  if (typeof factor === 'number' && !Number.isSafeInteger(factor)) {
    throw new RangeError(`Factor must be a safe integer, got ${factor}`);
  }
  return amount(a.units * BigInt(factor), a.decimals);
}
