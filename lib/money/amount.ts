/**
 * Money as an integer count of the currency's smallest unit: `{ units, decimals }` means units / 10^decimals of the
 * currency (Rials: decimals 0; BTC: 8, units are satoshi; ETH: 18, units are wei). `units` is a bigint, so every sum,
 * difference and comparison is exact; a float never holds an amount, and a decimal string only enters through
 * parseAmount and leaves through formatAmount. `decimals` says where the decimal point sits, not which currency it is:
 * the caller keeps the currency beside the amount. Operations on two amounts require the same decimals and throw
 * otherwise (mixing them is a bug, not a conversion). Amounts are plain frozen objects: structured-clone and
 * RSC-serializable, never JSON-serializable by accident (JSON.stringify throws on a bigint), so the API writes
 * formatAmount's string (crypto) or toRials' integer (Rials).
 */
export interface Amount {
  /** Signed count of base units (Rial, satoshi, wei, sun). */
  readonly units: bigint;
  /** Digits after the decimal point in the currency's own unit: 0..MAX_DECIMALS. */
  readonly decimals: number;
}

/** An ERC-20 token's `decimals()` is a uint8: no currency has more. */
export const MAX_DECIMALS = 255;

/** The largest magnitude parseAmount accepts: 78 digits, what a `numeric(78,0)` column stores (uint256 fits). */
export const MAX_UNITS = 10n ** 78n - 1n;

/** An amount of `units` base units; throws on decimals outside 0..MAX_DECIMALS. */
export function amount(units: bigint, decimals: number): Amount {
  if (typeof units !== 'bigint') throw new TypeError(`Amount units must be a bigint, got ${typeof units}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`Amount decimals must be an integer in 0..${MAX_DECIMALS}, got ${decimals}`);
  }
  return Object.freeze({ units, decimals });
}

/** The decimals two amounts share; throws when they differ. */
export function sharedDecimals(a: Amount, b: Amount): number {
  if (a.decimals !== b.decimals) {
    throw new RangeError(`Amounts have different decimals: ${a.decimals} and ${b.decimals}`);
  }
  return a.decimals;
}
