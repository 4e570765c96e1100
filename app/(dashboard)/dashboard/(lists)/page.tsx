import Link from 'next/link';
import { z } from 'zod';
import { DailyVolumeChart } from '@/components/dashboard/overview/daily-volume-chart';
import { NoShopYet, NoTransactionsYet } from '@/components/dashboard/overview/getting-started';
import { PeriodSwitch } from '@/components/dashboard/overview/period-switch';
import { RecentActivity } from '@/components/dashboard/overview/recent-activity';
import { ShopBreakdown } from '@/components/dashboard/overview/shop-breakdown';
import { ShopFilter } from '@/components/dashboard/overview/shop-filter';
import { StatCards } from '@/components/dashboard/overview/stat-cards';
import { PageHeader, Panel } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { orNotFound } from '@/lib/dashboard/not-found';
import { readSearchParams, type SearchParams } from '@/lib/dashboard/search-params';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { OVERVIEW_PERIODS, summarizeTransactions } from '@/lib/transactions/summarize-transactions';

// A mistyped address falls back to the defaults instead of failing the page.
const overviewParams = z.object({
  period: z.enum(OVERVIEW_PERIODS).default('7d'),
  shop: z.uuid().optional(),
});

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const merchant = await currentMerchant();
  const [locale, raw] = await Promise.all([requestLocale(), searchParams]);
  const { period, shop: shopId } = readSearchParams(raw, overviewParams);
  const t = translator(locale, 'overview');

  // Another merchant's shop (or one that never existed) is simply not found.
  const summary = await orNotFound(summarizeTransactions(merchant.principal, { shopId }));

  const periodLabel = t(`period.${period}`);
  const header = (withPeriods: boolean) => (
    <PageHeader
      title={t('greeting', { name: merchant.name })}
      description={t('description')}
      actions={withPeriods ? <PeriodSwitch period={period} shopId={shopId} locale={locale} /> : undefined}
    />
  );

  if (summary.shops.length === 0) {
    return (
      <>
        {header(false)}
        <NoShopYet locale={locale} />
      </>
    );
  }
  // Every transaction starts with a "created" event, so no activity at all means no transaction yet.
  if (!shopId && summary.recentActivity.length === 0) {
    return (
      <>
        {header(false)}
        <NoTransactionsYet shopId={summary.shops[0]!.shopId} locale={locale} />
      </>
    );
  }

  const pendingHref = `/dashboard/transactions?${new URLSearchParams({ status: 'pending', ...(shopId ? { shop_id: shopId } : {}) })}`;
  const transactionsHref = shopId ? `/dashboard/transactions?${new URLSearchParams({ shop_id: shopId })}` : '/dashboard/transactions';

  return (
    <div className="space-y-5">
      {header(true)}
      {summary.shops.length > 1 ? <ShopFilter shops={summary.shops} shopId={shopId} period={period} locale={locale} /> : null}
      <StatCards figures={summary.total.periods[period]} pendingNow={summary.total.pendingNow} pendingHref={pendingHref} periodLabel={periodLabel} locale={locale} />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-5">
        <Panel
          className="lg:col-span-3"
          title={
            <>
              {t('chart.title')}
              <span className="block text-xs font-normal text-ink-500">{t('chart.subtitle')}</span>
            </>
          }
        >
          <DailyVolumeChart days={summary.daily} />
        </Panel>
        <Panel
          className="lg:col-span-2"
          title={t('activity.title')}
          actions={
            <Link href={transactionsHref} className="text-sm font-medium text-brand-700 hover:underline">
              {t('activity.viewAll')}
            </Link>
          }
        >
          <RecentActivity items={summary.recentActivity} locale={locale} />
        </Panel>
      </div>
      <Panel title={`${t('byShop.title')} · ${periodLabel}`}>
        <ShopBreakdown shops={summary.shops} period={period} periodLabel={periodLabel} shopId={shopId} locale={locale} />
      </Panel>
    </div>
  );
}
