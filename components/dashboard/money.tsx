import { formatRials, formatToman } from '@/lib/format/money';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** An amount in Rials with its Toman beside it (merchants think in Toman, banks write Rials). Server-rendered. */
export function Money({ rials, locale, compact = false }: { rials: number; locale: Locale; compact?: boolean }) {
  const t = translator(locale, 'common');
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className="font-semibold tabular-nums text-ink-900">
        {formatRials(rials, locale)} <span className="text-xs font-normal text-ink-500">{t('rial')}</span>
      </span>
      {compact ? null : (
        <span className="text-xs tabular-nums text-ink-500">
          {formatToman(rials, locale)} {t('toman')}
        </span>
      )}
    </span>
  );
}
