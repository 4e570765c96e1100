import { formatRials, formatToman } from '@/lib/format/money';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

const SIZES = {
  md: { rials: 'font-semibold', unit: 'text-xs font-normal text-ink-500', toman: 'text-xs' },
  // The amount to check against a bank statement (the confirm dialog): large and unmistakable.
  lg: { rials: 'text-2xl font-bold', unit: 'text-sm font-medium text-ink-600', toman: 'text-sm' },
} as const;

/** An amount in Rials with its Toman beside it (merchants think in Toman, banks write Rials). Server-rendered. */
export function Money({ rials, locale, compact = false, size = 'md' }: { rials: number; locale: Locale; compact?: boolean; size?: keyof typeof SIZES }) {
  const t = translator(locale, 'common');
  const style = SIZES[size];
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className={`tabular-nums text-ink-900 ${style.rials}`}>
        {formatRials(rials, locale)} <span className={style.unit}>{t('rial')}</span>
      </span>
      {compact ? null : (
        <span className={`tabular-nums text-ink-500 ${style.toman}`}>
          {formatToman(rials, locale)} {t('toman')}
        </span>
      )}
    </span>
  );
}
