import type { Metadata } from 'next';
import Link from 'next/link';
import { TransactionFilters } from '@/components/dashboard/transactions/transaction-filters';
import { TransactionList } from '@/components/dashboard/transactions/transaction-list';
import { buttonClass } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
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
  const tc = translator(locale, 'common');

  const { query, params, invalid } = parseTransactionFilters(await searchParams);
  const [list, { shops }] = await Promise.all([listTransactions(merchant.principal, query), listShops(merchant.principal)]);
  const shopNames = new Map(shops.map((shop) => [shop.id, shop.name]));

  const filterParams = new URLSearchParams();
  for (const field of FILTER_FIELDS) if (params[field]) filterParams.set(field, params[field]);
  const filtered = filterParams.size > 0;
  const pages = Math.max(1, Math.ceil(list.total / list.per_page));

  const exportLink =
    list.total === 0 ? null : list.total > MAX_EXPORT_ROWS ? (
      <p className="max-w-xs text-xs text-ink-600">{t('export.tooMany', { max: formatNumber(MAX_EXPORT_ROWS, locale) })}</p>
    ) : (
      // A plain link, not next/link: the answer is a file download, not a page.
      <a href={`/dashboard/transactions/export?${filterParams}`} download className={buttonClass('secondary')}>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
          <path d="M10 3v9M6 8.5l4 4 4-4M4 15.5h12" />
        </svg>
        {t('export.link')}
      </a>
    );

  let body;
  if (list.transactions.length > 0) {
    body = (
      <>
        <TransactionList locale={locale} transactions={list.transactions} shopNames={shopNames} />
        <Pagination
          page={list.page}
          perPage={list.per_page}
          total={list.total}
          searchParams={params}
          text={{
            previous: tc('previous'),
            next: tc('next'),
            position: tc('pageOf', { page: formatNumber(list.page, locale), pages: formatNumber(pages, locale) }),
          }}
        />
      </>
    );
  } else if (list.total > 0) {
    // A page number past the end (an old bookmark, a hand-edited URL).
    body = (
      <EmptyState
        title={t('empty.pageTitle')}
        action={
          <Link href={`/dashboard/transactions?${filterParams}`} className={buttonClass('secondary')}>
            {t('empty.firstPage')}
          </Link>
        }
      />
    );
  } else if (filtered) {
    body = (
      <EmptyState
        title={t('empty.noMatchTitle')}
        body={t('empty.noMatchBody')}
        action={
          <Link href="/dashboard/transactions" className={buttonClass('secondary')}>
            {t('empty.clearFilters')}
          </Link>
        }
      />
    );
  } else {
    body = (
      <EmptyState
        title={t('empty.noneTitle')}
        body={t('empty.noneBody')}
        action={
          <Link href="/dashboard/shops" className={buttonClass('primary')}>
            {t('empty.noneAction')}
          </Link>
        }
      />
    );
  }

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={exportLink} />
      {/* A merchant with no transactions yet gets the first step, not a form that can only find nothing. */}
      {list.total > 0 || filtered || Object.keys(invalid).length > 0 ? (
        <TransactionFilters locale={locale} shops={shops} params={params} invalid={invalid} />
      ) : null}
      <Panel title={list.total > 0 ? t('count', { count: list.total }) : undefined}>{body}</Panel>
    </>
  );
}
