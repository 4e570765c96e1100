import type { Amount } from './amount';

/**
 * The canonical decimal string: exactly `decimals` fraction digits, no grouping, "-" for negatives, never "-0".
 * 123400 units at 8 decimals -> "0.00123400"; 1250000 at 0 -> "1250000". parseAmount reads it back unchanged.
 */
export function formatAmount({ units, decimals }: Amount): string {
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString();
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, '0');
  return `${sign}${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}
