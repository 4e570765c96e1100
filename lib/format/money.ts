import { formatNumber, type Locale } from './number';

/** Integer Rials for display: "۱٬۲۵۰٬۰۰۰" (fa) or "1,250,000" (en). The unit word comes from the page's messages. */
export function formatRials(rials: number, locale: Locale): string {
  return formatNumber(rials, locale);
}

/**
 * The same amount in Toman (1 Toman = 10 Rials) for display. Final amounts may end in a non-zero Rial digit, which is
 * kept as one decimal place ("۱۲۵٬۰۰۰٫۵") rather than rounded away; the division stays in integers.
 */
export function formatToman(rials: number, locale: Locale): string {
  const tenths = rials % 10;
  const whole = (rials - tenths) / 10;
  return formatNumber(tenths === 0 ? whole : (`${whole}.${tenths}` as `${number}`), locale);
}
