'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import { formatDate } from '@/lib/format/date';
import { formatRials, formatToman } from '@/lib/format/money';
import { formatNumber, type Locale } from '@/lib/format/number';
import type { DailyPaidVolume } from '@/lib/transactions/summarize-transactions';

// Noon UTC falls on the same calendar day in Tehran (UTC+03:30), so formatDate shows the day the key names.
const dayDate = (day: string): Date => new Date(`${day}T12:00:00Z`);

function DayTooltip({ active, payload, locale }: TooltipContentProps & { locale: Locale }) {
  const t = useTranslations('overview.chart');
  const common = useTranslations('common');
  const point = payload?.[0]?.payload as DailyPaidVolume | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-xl border border-ink-200 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-semibold text-ink-900">{formatDate(dayDate(point.day), locale)}</p>
      <p className="mt-1 tabular-nums text-ink-900">
        {formatRials(point.paidVolume, locale)} <span className="text-xs text-ink-500">{common('rial')}</span>
      </p>
      <p className="text-xs tabular-nums text-ink-500">
        {formatToman(point.paidVolume, locale)} {common('toman')}
      </p>
      <p className="mt-1 text-xs text-ink-600">{t('paidCount', { count: point.paidCount })}</p>
    </div>
  );
}

/**
 * The last 30 days' paid volume as bars. Time runs in the reading direction: in Persian the oldest day is on the
 * right and today on the left, with the amount axis on the right (the start side), as a Persian reader expects.
 * Screen readers get the same figures as a table.
 */
export function DailyVolumeChart({ days }: { days: DailyPaidVolume[] }) {
  const locale = useLocale() as Locale;
  const t = useTranslations('overview.chart');
  const common = useTranslations('common');
  const rtl = locale === 'fa';
  const hasPayments = days.some((d) => d.paidCount > 0);

  return (
    <figure>
      <div className="h-60 text-ink-500 lg:h-96" aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={days}
          margin={{ top: 8, right: 4, bottom: 0, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.25} />
          <XAxis
            dataKey="day"
            reversed={rtl}
            tickFormatter={(day: string) => formatDate(dayDate(day), locale, 'dayMonth')}
            tick={{ fill: 'currentColor', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            minTickGap={12}
            interval="preserveStartEnd"
          />
          <YAxis
            orientation={rtl ? 'right' : 'left'}
            tickFormatter={(value: number) => formatNumber(value, locale, { notation: 'compact', maximumFractionDigits: 1 })}
            // SVG text anchors follow the page's direction: in rtl, "end" is the label's left edge, which keeps the
            // labels outside the plot (recharts' "start" assumes ltr). Left out in ltr: an undefined would override
            // recharts' own anchor.
            tick={{ fill: 'currentColor', fontSize: 11, ...(rtl ? { textAnchor: 'end' } : {}) }}
            tickLine={false}
            axisLine={false}
            width={rtl ? 64 : 52}
            tickMargin={6}
            allowDecimals={false}
          />
          <Tooltip content={(props) => <DayTooltip {...props} locale={locale} />} cursor={{ fill: 'currentColor', fillOpacity: 0.08 }} />
          <Bar dataKey="paidVolume" fill="currentColor" className="text-brand-600" radius={[4, 4, 0, 0]} maxBarSize={28} />
        </BarChart>
      </div>
      {hasPayments ? null : <figcaption className="mt-2 text-center text-sm text-ink-500">{t('empty')}</figcaption>}
      <table className="sr-only">
        <caption>{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('volume')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(dayDate(d.day), locale)}</th>
              <td>
                {formatRials(d.paidVolume, locale)} {common('rial')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
