import Link from 'next/link';
import { Money } from '@/components/dashboard/money';
import { Badge } from '@/components/ui/panel';
import { Table, Td, Th } from '@/components/ui/table';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { OverviewPeriod, PeriodFigures, ShopFigures } from '@/lib/transactions/summarize-transactions';
import { overviewHref } from './overview-href';

function conversionText({ paid, created }: PeriodFigures['conversion'], locale: Locale): string {
  return created === 0 ? '—' : formatNumber(paid / created, locale, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * Every shop's figures for the chosen period: a table from `sm` up, a card per shop on phones. A shop's name
 * narrows the page to it.
 */
export function ShopBreakdown({
  shops,
  period,
  periodLabel,
  shopId,
  locale,
}: {
  shops: ShopFigures[];
  period: OverviewPeriod;
  periodLabel: string;
  shopId?: string;
  locale: Locale;
}) {
  const t = translator(locale, 'overview');
  const common = translator(locale, 'common');
  const name = (shop: ShopFigures) => (
    <span className="inline-flex min-w-0 items-center gap-2">
      {shop.shopId === shopId ? (
        <span className="truncate font-semibold text-ink-950" aria-current="true">
          {shop.name}
        </span>
      ) : (
        <Link href={overviewHref(period, shop.shopId)} aria-label={t('byShop.showOnly', { shop: shop.name })} className="truncate font-semibold text-brand-800 hover:underline">
          {shop.name}
        </Link>
      )}
      {shop.isActive ? null : <Badge>{common('inactive')}</Badge>}
    </span>
  );

  return (
    <>
      <ul className="space-y-3 sm:hidden">
        {shops.map((shop) => {
          const f = shop.periods[period];
          return (
            <li key={shop.shopId} className={`rounded-xl border p-3 ${shop.shopId === shopId ? 'border-brand-300 bg-brand-50/40' : 'border-ink-200'}`}>
              <div className="flex items-start justify-between gap-3">
                {name(shop)}
                <span className="shrink-0 text-end">
                  <span className="sr-only">{t('byShop.paidVolume')}: </span>
                  <Money rials={f.paidVolume} locale={locale} />
                </span>
              </div>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                <div>
                  <dt className="text-xs text-ink-500">{t('byShop.paidCount')}</dt>
                  <dd className="font-semibold tabular-nums">{formatNumber(f.paidCount, locale)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-ink-500">{t('byShop.conversion')}</dt>
                  <dd className="font-semibold tabular-nums">{conversionText(f.conversion, locale)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-ink-500">{t('byShop.pendingNow')}</dt>
                  <dd className="font-semibold tabular-nums">{formatNumber(shop.pendingNow, locale)}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      <div className="hidden sm:block">
        <Table caption={t('byShop.caption', { period: periodLabel })}>
          <thead>
            <tr>
              <Th>{t('byShop.shop')}</Th>
              <Th className="text-end!">{t('byShop.paidVolume')}</Th>
              <Th className="text-end!">{t('byShop.paidCount')}</Th>
              <Th className="text-end!">{t('byShop.conversion')}</Th>
              <Th className="text-end!">{t('byShop.pendingNow')}</Th>
            </tr>
          </thead>
          <tbody>
            {shops.map((shop) => {
              const f = shop.periods[period];
              return (
                <tr key={shop.shopId} className={shop.shopId === shopId ? 'bg-brand-50/50' : undefined}>
                  <Td className="max-w-64">{name(shop)}</Td>
                  <Td className="text-end">
                    <Money rials={f.paidVolume} locale={locale} />
                  </Td>
                  <Td className="text-end tabular-nums">{formatNumber(f.paidCount, locale)}</Td>
                  <Td className="text-end tabular-nums">
                    {conversionText(f.conversion, locale)}
                    {f.conversion.created > 0 ? (
                      <span className="block text-xs text-ink-500">
                        {t('byShop.paidOfCreated', { paid: formatNumber(f.conversion.paid, locale), created: formatNumber(f.conversion.created, locale) })}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-end tabular-nums">{formatNumber(shop.pendingNow, locale)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </>
  );
}
