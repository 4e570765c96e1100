import { type CurrencyCode, currencyOf } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** A currency as merchants tell them apart: its symbol, and the network it travels on ("USDT", "TRON network"). */
export function CurrencyLabel({ code, locale }: { code: CurrencyCode; locale: Locale }) {
  const t = translator(locale, 'crypto');
  const currency = currencyOf(code);
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className="font-semibold text-ink-900">{currency.symbol}</span>
      <span className="text-xs text-ink-500">{t('networkOf', { network: t(`networks.${currency.network}`) })}</span>
    </span>
  );
}
