import Link from 'next/link';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { OVERVIEW_PERIODS, type OverviewPeriod } from '@/lib/transactions/summarize-transactions';
import { overviewHref } from './overview-href';

/** Today / 7 days / 30 days as links (the page is server-rendered; the URL keeps the choice and the shop). */
export function PeriodSwitch({ period, shopId, locale }: { period: OverviewPeriod; shopId?: string; locale: Locale }) {
  const t = translator(locale, 'overview');
  return (
    <nav aria-label={t('period.label')}>
      <ul className="flex rounded-xl border border-ink-200 bg-white p-1 shadow-xs">
        {OVERVIEW_PERIODS.map((p) => (
          <li key={p}>
            <Link
              href={overviewHref(p, shopId)}
              aria-current={p === period ? 'page' : undefined}
              className={`inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap transition-colors ${
                p === period ? 'bg-brand-700 text-white shadow-sm' : 'text-ink-700 hover:bg-ink-100'
              }`}
            >
              {t(`period.${p}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
