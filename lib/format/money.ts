import { formatAmount, fromRials, rialsToToman } from '@/lib/money';
import { formatNumber, type Locale } from './number';

/** Integer Rials for display: "۱٬۲۵۰٬۰۰۰" (fa) or "1,250,000" (en). The unit word comes from the page's messages. */
export function formatRials(rials: number, locale: Locale): string {
  return formatNumber(rials, locale);
}

/**
 * The same amount in Toman (1 Toman = 10 Rials) for display. Final amounts may end in a non-zero Rial digit, which is
 * kept as one decimal place ("۱۲۵٬۰۰۰٫۵") rather than rounded away; a whole Toman shows none. The Toman figure is the
 * exact decimal string lib/money writes ("125000.5", "125000.0"): no division, no float.
 */
export function formatToman(rials: number, locale: Locale): string {
  return formatNumber(formatAmount(rialsToToman(fromRials(rials))) as Intl.StringNumericLiteral, locale);
}
