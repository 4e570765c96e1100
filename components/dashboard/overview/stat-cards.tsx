import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatRials, formatToman } from '@/lib/format/money';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { PeriodFigures } from '@/lib/transactions/summarize-transactions';

type StatName = 'paid-volume' | 'paid-count' | 'conversion' | 'pending-now';

/**
 * One figure. `data-stat` and `data-value` (the raw number, never localised) let tests and scripts read the figure
 * whatever the page language; the label is the group's accessible name.
 */
function StatCard({
  stat,
  value,
  label,
  detail,
  className = '',
  extra,
  children,
}: {
  stat: StatName;
  value: number;
  label: string;
  detail?: ReactNode;
  className?: string;
  extra?: Record<`data-${string}`, number>;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      data-stat={stat}
      data-value={String(value)}
      {...extra}
      className={`flex min-w-0 flex-col rounded-2xl border border-ink-200 bg-white p-4 shadow-xs ${className}`}
    >
      <p className="text-xs font-medium text-ink-600 sm:text-sm">{label}</p>
      <div className="mt-1.5 text-xl font-bold tabular-nums text-ink-950 sm:text-2xl">{children}</div>
      {detail ? <div className="mt-auto pt-1.5 text-xs text-ink-500">{detail}</div> : null}
    </div>
  );
}

/** Paid volume (Rials, with Toman), paid count, conversion and pending now, for the chosen period and shop. */
export function StatCards({
  figures,
  pendingNow,
  pendingHref,
  periodLabel,
  locale,
}: {
  figures: PeriodFigures;
  pendingNow: number;
  pendingHref: string;
  periodLabel: string;
  locale: Locale;
}) {
  const t = translator(locale, 'overview');
  const common = translator(locale, 'common');
  const { paid, created } = figures.conversion;
  // A ratio of two counts, for display only; money never goes through it.
  const percent = created === 0 ? 0 : Math.round((paid * 1000) / created) / 10;

  return (
    <section aria-label={t('stats.label', { period: periodLabel })} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        stat="paid-volume"
        value={figures.paidVolume}
        label={t('stats.paidVolume')}
        className="col-span-2 lg:col-span-1"
        detail={
          <span className="tabular-nums">
            {formatToman(figures.paidVolume, locale)} {common('toman')}
          </span>
        }
      >
        {formatRials(figures.paidVolume, locale)} <span className="text-sm font-medium text-ink-500">{common('rial')}</span>
      </StatCard>
      <StatCard stat="paid-count" value={figures.paidCount} label={t('stats.paidCount')} detail={t('stats.paidCountDetail')}>
        {formatNumber(figures.paidCount, locale)}
      </StatCard>
      <StatCard
        stat="conversion"
        value={percent}
        extra={{ 'data-paid': paid, 'data-created': created }}
        label={t('stats.conversion')}
        detail={
          created === 0
            ? t('stats.conversionNone')
            : t('stats.conversionDetail', { paid: formatNumber(paid, locale), created: formatNumber(created, locale) })
        }
      >
        {created === 0 ? '—' : formatNumber(percent / 100, locale, { style: 'percent', maximumFractionDigits: 1 })}
      </StatCard>
      <StatCard
        stat="pending-now"
        value={pendingNow}
        className="col-span-2 lg:col-span-1"
        label={t('stats.pendingNow')}
        detail={
          <Link href={pendingHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t('stats.viewPending')}
          </Link>
        }
      >
        {formatNumber(pendingNow, locale)}
      </StatCard>
    </section>
  );
}
