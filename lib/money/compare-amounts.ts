import { type Amount, sharedDecimals } from './amount';

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b` (same decimals). */
export function compareAmounts(a: Amount, b: Amount): -1 | 0 | 1 {
  sharedDecimals(a, b);
  return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
}

export const minAmount = (first: Amount, ...rest: Amount[]): Amount =>
  rest.reduce((min, a) => (compareAmounts(a, min) < 0 ? a : min), first);

export const maxAmount = (first: Amount, ...rest: Amount[]): Amount =>
  rest.reduce((max, a) => (compareAmounts(a, max) > 0 ? a : max), first);
