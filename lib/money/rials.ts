import { type Amount, amount } from './amount';

/** Rials have no subunit. The contract carries them as JSON integers, so they must stay within 2^53 - 1. */
export const RIAL_DECIMALS = 0;

/** 1 Toman = 10 Rials: a Toman amount is counted in Rials with one decimal place, so converting never divides. */
export const TOMAN_DECIMALS = 1;

/** A JSON integer of Rials as an amount; throws unless it is a safe integer (no fractions, no NaN, no 1e300). */
export function fromRials(rials: number): Amount {
  if (!Number.isSafeInteger(rials)) throw new RangeError(`Rials must be a safe integer, got ${rials}`);
  return amount(BigInt(rials), RIAL_DECIMALS);
}

/** A Rial amount as the JSON integer the contract uses; throws beyond Number.MAX_SAFE_INTEGER rather than round. */
export function toRials(a: Amount): number {
  if (a.decimals !== RIAL_DECIMALS) throw new RangeError(`Not a Rial amount: ${a.decimals} decimals`);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (a.units > max || a.units < -max) throw new RangeError(`Rials beyond the safe integer range: ${a.units}`);
  return Number(a.units);
}

/** The same sum in Toman: 1,250,005 Rials is 125,000.5 Toman, exactly (same units, one decimal place). */
export function rialsToToman(rials: Amount): Amount {
  if (rials.decimals !== RIAL_DECIMALS) throw new RangeError(`Not a Rial amount: ${rials.decimals} decimals`);
  return amount(rials.units, TOMAN_DECIMALS);
}

/** The same sum in Rials. */
export function tomanToRials(toman: Amount): Amount {
  if (toman.decimals !== TOMAN_DECIMALS) throw new RangeError(`Not a Toman amount: ${toman.decimals} decimals`);
  return amount(toman.units, RIAL_DECIMALS);
}
