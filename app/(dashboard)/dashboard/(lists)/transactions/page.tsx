import type { Metadata } from 'next';
import Link from 'next/link';
import { FilteredListPage } from '@/components/dashboard/filtered-list-page';
import { PagedList } from '@/components/dashboard/paged-list';
import { TransactionFilters } from '@/components/dashboard/transactions/transaction-filters';
import { TransactionList } from '@/components/dashboard/transactions/transaction-list';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { filterQuery } from '@/lib/dashboard/filter-query';
import type { SearchParams } from '@/lib/dashboard/search-params';
import { formatNumber } from '@/lib/format/number';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { listShops } from '@/lib/shops/list-shops';
import { MAX_EXPORT_ROWS } from '@/lib/transactions/export-transactions-csv';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { parseTransactionFilters } from '@/lib/transactions/parse-transaction-filters';

/** The parameters that narrow the list (as opposed to paging through it). */
const FILTER_FIELDS = ['shop_id', 'status', 'from', 'to', 'search'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'transactions')('title')} — KPay` };
}

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'transactions');

  const { query, params, invalid } = parseTransactionFilters(await searchParams);
  const [list, { shops }] = await Promise.all([listTransactions(merchant.principal, query), listShops(merchant.principal)]);
  const shopNames = new Map(shops.map((shop) => [shop.id, shop.name]));
  const filters = filterQuery(params, FILTER_FIELDS);

  const exportLink =
    list.total === 0 ? null : list.total > MAX_EXPORT_ROWS ? (
      <p className="max-w-xs text-xs text-ink-600">{t('export.tooMany', { max: formatNumber(MAX_EXPORT_ROWS, locale) })}</p>
    ) : (
      // A plain link, not next/link: the answer is a file download, not a page.
      <a href={`/dashboard/transactions/export?${filters}`} download className={buttonClass('secondary')}>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
          <path d="M10 3v9M6 8.5l4 4 4-4M4 15.5h12" />
        </svg>
        {t('export.link')}
      </a>
    );

  return (
    <FilteredListPage
      title={t('title')}
      description={t('description')}
      actions={exportLink}
      total={list.total}
      narrowed={filters.size > 0 || Object.keys(invalid).length > 0}
      filters={<TransactionFilters locale={locale} shops={shops} params={params} invalid={invalid} />}
      count={t('count', { count: list.total })}
    >
      <PagedList
        locale={locale}
        list={{ ...list, shown: list.transactions.length }}
        searchParams={params}
        pastEnd={{ title: t('empty.pageTitle'), label: t('empty.firstPage'), href: `/dashboard/transactions?${filters}` }}
        noMatch={
          filters.size > 0 ? { title: t('empty.noMatchTitle'), body: t('empty.noMatchBody'), label: t('empty.clearFilters'), href: '/dashboard/transactions' } : null
        }
        empty={
          <EmptyState
            title={t('empty.noneTitle')}
            body={t('empty.noneBody')}
            action={
              <Link href="/dashboard/shops" className={buttonClass('primary')}>
                {t('empty.noneAction')}
              </Link>
            }
          />
        }
      >
        <TransactionList locale={locale} transactions={list.transactions} shopNames={shopNames} />
      </PagedList>
    </FilteredListPage>
  );
}
