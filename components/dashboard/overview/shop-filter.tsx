import Link from 'next/link';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { OverviewPeriod, ShopFigures } from '@/lib/transactions/summarize-transactions';
import { overviewHref } from './overview-href';

const chip = (current: boolean) =>
  `inline-flex min-h-9 max-w-56 items-center rounded-full border px-3 text-sm whitespace-nowrap transition-colors ${
    current ? 'border-brand-300 bg-brand-50 font-semibold text-brand-800' : 'border-ink-200 bg-white text-ink-700 hover:bg-ink-100'
  }`;

/** "All shops" and one chip per shop; scrolls sideways inside itself when a merchant has many shops. */
export function ShopFilter({ shops, shopId, period, locale }: { shops: ShopFigures[]; shopId?: string; period: OverviewPeriod; locale: Locale }) {
  const t = translator(locale, 'overview');
  return (
    <nav aria-label={t('shopFilter.label')} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-2 pb-1">
        <li>
          <Link href={overviewHref(period)} aria-current={shopId ? undefined : 'page'} className={chip(!shopId)}>
            {t('shopFilter.all')}
          </Link>
        </li>
        {shops.map((shop) => (
          <li key={shop.shopId}>
            <Link href={overviewHref(period, shop.shopId)} aria-current={shop.shopId === shopId ? 'page' : undefined} className={chip(shop.shopId === shopId)}>
              <span className="truncate">{shop.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
