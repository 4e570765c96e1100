import { type Amount, amount } from './amount';

/** "up" rounds toward +infinity (ceiling), "down" toward -infinity (floor): never to nearest, never implicit. */
export type Rounding = 'up' | 'down';

/** n / d for d > 0, rounded as asked (BigInt division alone truncates toward zero). */
export function divideRounded(n: bigint, d: bigint, rounding: Rounding): bigint {
  if (d <= 0n) throw new RangeError('Divisor must be positive');
  const q = n / d;
  if (n % d === 0n) return q;
  if (rounding === 'up') return n > 0n ? q + 1n : q;
  return n < 0n ? q - 1n : q;
}

const BASIS_POINTS = 10_000n;

/** `a` times `basisPoints` / 10,000 (100 bp = 1%), rounded to a whole base unit as asked. */
export function multiplyBasisPoints(a: Amount, basisPoints: number | bigint, rounding: Rounding): Amount {
  if (typeof basisPoints === 'number' && !Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`Basis points must be a safe integer, got ${basisPoints}`);
  }
  return amount(divideRounded(a.units * BigInt(basisPoints), BASIS_POINTS, rounding), a.decimals);
}

/**
 * `a` rounded as asked to `places` decimal places, keeping its decimals: 1.23456789 BTC to 2 places "up" is
 * 1.24000000. Places at or beyond the amount's decimals return it unchanged.
 */
export function roundAmount(a: Amount, places: number, rounding: Rounding): Amount {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`Places must be a whole number, got ${places}`);
  if (places >= a.decimals) return a;
  const step = 10n ** BigInt(a.decimals - places);
  return amount(divideRounded(a.units, step, rounding) * step, a.decimals);
}
