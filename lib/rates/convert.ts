import { type Amount, amount, MAX_DECIMALS } from '@/lib/money/amount';
import { divideRounded } from '@/lib/money/rounding';
import { parseRate } from './decimal-rate';

/**
 * Pricing a payment in a crypto currency: exact rational arithmetic on BigInts, with the whole conversion written as
 * one fraction and divided once, rounded up (the buyer pays the last base unit's fraction, the merchant never receives
 * less than asked). No intermediate rounding, no float. Rates are plain decimal strings (RateQuote.rate); a rate or
 * input that is not positive, or decimals outside 0..MAX_DECIMALS, is a RangeError: a bug upstream, never a zero.
 */

const pow10 = (n: number) => 10n ** BigInt(n);

function checkDecimals(decimals: number, what: string): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`${what} must be an integer in 0..${MAX_DECIMALS}, got ${decimals}`);
  }
}

function checkPositive(value: bigint, what: string): void {
  if (typeof value !== 'bigint') throw new TypeError(`${what} must be a bigint, got ${typeof value}`);
  if (value <= 0n) throw new RangeError(`${what} must be positive, got ${value}`);
}

/**
 * Base units of a currency worth `usd` at `usdPerUnit` USD per whole unit, rounded up: ceil(usd / rate * 10^decimals).
 * `usd` is an Amount, normally with 2 decimals (amount_usd); any decimals are read exactly.
 * $100 at 65000.12 USD/BTC, 8 decimals: ceil(10000 * 10^2 * 10^8 / (6500012 * 10^2)) = 153846 satoshi.
 */
export function cryptoUnitsForUsd(usd: Amount, usdPerUnit: string, currencyDecimals: number): bigint {
  checkDecimals(currencyDecimals, 'Currency decimals');
  checkPositive(usd.units, 'USD amount');
  const rate = parseRate(usdPerUnit, 'USD per unit');
  // (usd.units / 10^usd.decimals) / (rate.units / 10^rate.scale) * 10^currencyDecimals
  return divideRounded(usd.units * pow10(rate.scale + currencyDecimals), rate.units * pow10(usd.decimals), 'up');
}

/**
 * Base units of a currency worth `rials` at `irrPerUsd` Rials per USD and `usdPerUnit` USD per whole unit, rounded up:
 * ceil(rials / irrPerUsd / usdPerUnit * 10^decimals), as one division (never through a rounded USD amount).
 */
export function cryptoUnitsForIrr(rials: bigint, irrPerUsd: string, usdPerUnit: string, currencyDecimals: number): bigint {
  checkDecimals(currencyDecimals, 'Currency decimals');
  checkPositive(rials, 'Rial amount');
  const irr = parseRate(irrPerUsd, 'Rials per USD');
  const usd = parseRate(usdPerUnit, 'USD per unit');
  // rials / (irr.units / 10^irr.scale) / (usd.units / 10^usd.scale) * 10^currencyDecimals
  return divideRounded(rials * pow10(irr.scale + usd.scale + currencyDecimals), irr.units * usd.units, 'up');
}

/** What `rials` are worth in USD at `irrPerUsd`, to the cent, rounded up: for display and storage beside the payment. */
export function usdForIrr(rials: bigint, irrPerUsd: string): Amount {
  checkPositive(rials, 'Rial amount');
  const irr = parseRate(irrPerUsd, 'Rials per USD');
  return amount(divideRounded(rials * pow10(irr.scale + 2), irr.units, 'up'), 2);
}
