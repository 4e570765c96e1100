import { formatNumber, type Locale } from '@/lib/format/number';

/**
 * An exact decimal string as the API writes it ("0.05000000") in the page's digits and separators ("۰٫۰۵۰۰۰۰۰۰"):
 * every digit kept, trailing zeros included, and no float on the way (Intl formats the string itself).
 */
export function formatDecimal(value: string, locale: Locale): string {
  const fraction = value.split('.')[1]?.length ?? 0;
  return formatNumber(value as Intl.StringNumericLiteral, locale, { minimumFractionDigits: fraction, maximumFractionDigits: fraction });
}

/** An amount of a currency with its symbol ("۰٫۰۵۰۰۰۰۰۰ LTC"), the figure in tabular digits. */
export function CryptoAmount({ value, symbol, locale, className = '' }: { value: string; symbol: string; locale: Locale; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`}>
      <bdi>{formatDecimal(value, locale)}</bdi> <span className="text-xs font-normal text-ink-500">{symbol}</span>
    </span>
  );
}

/**
 * An exact decimal string without the zeros its fraction ends in ("125.500000" -> "125.5", "0.00000000" -> "0"): the
 * same value, shorter where every figure of a currency with many decimals (ETH has 18) is not the point, as in a
 * balance's headline. Records (a payment's amount, a withdrawal's) keep every digit.
 */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
