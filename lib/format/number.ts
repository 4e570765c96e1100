/** The languages the buyer-facing pages speak: Persian (default, RTL) and English. */
export type Locale = 'fa' | 'en';

// fa-IR writes Persian digits with the Arabic thousands separator (۱٬۲۵۰٬۰۰۰); en-US Latin digits (1,250,000).
const INTL_LOCALE: Record<Locale, string> = { fa: 'fa-IR', en: 'en-US' };

const formatters = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: building one is slow, and the countdown formats every second. */
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A number in the page's digits with thousands separators. Takes a decimal string too ("125003.4"), formatted
 * exactly as written, so callers never need a float.
 */
export function formatNumber(value: number | Intl.StringNumericLiteral, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, { maximumFractionDigits: 20, ...options }).format(value);
}

/** ASCII digits in free text (a card number, a time) in the page's digits; everything else unchanged. */
export function localizeDigits(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + d.charCodeAt(0) - 48));
}
