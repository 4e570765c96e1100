import type { Metadata } from 'next';
import { CryptoFilters } from '@/components/dashboard/crypto/crypto-filters';
import { CryptoPaymentList } from '@/components/dashboard/crypto/crypto-payment-list';
import { CRYPTO_FILTER_FIELDS, readCryptoListParams } from '@/components/dashboard/crypto/list-params';
import { NoCryptoPaymentsYet } from '@/components/dashboard/crypto/no-crypto-payments-yet';
import { FilteredListPage } from '@/components/dashboard/filtered-list-page';
import { PagedList } from '@/components/dashboard/paged-list';
import { listCryptoPayments } from '@/lib/crypto-payments/list-crypto-payments';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { filterQuery } from '@/lib/dashboard/filter-query';
import type { SearchParams } from '@/lib/dashboard/search-params';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { listShops } from '@/lib/shops/list-shops';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'crypto')('title')} — KPay` };
}

export default async function CryptoPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'crypto');

  const { query, params, invalid } = readCryptoListParams(await searchParams);
  const [list, { shops }] = await Promise.all([listCryptoPayments(merchant.principal, query), listShops(merchant.principal)]);
  const shopNames = new Map(shops.map((shop) => [shop.id, shop.name]));
  const filters = filterQuery(params, CRYPTO_FILTER_FIELDS);

  return (
    <FilteredListPage
      title={t('title')}
      description={t('description')}
      total={list.total}
      narrowed={filters.size > 0 || invalid.length > 0}
      filters={<CryptoFilters locale={locale} shops={shops} params={params} invalid={invalid} />}
      count={t('count', { count: list.total })}
    >
      <PagedList
        locale={locale}
        list={{ ...list, shown: list.payments.length }}
        searchParams={params}
        pastEnd={{ title: t('empty.pageTitle'), label: t('empty.firstPage'), href: `/dashboard/crypto?${filters}` }}
        noMatch={filters.size > 0 ? { title: t('empty.noMatchTitle'), body: t('empty.noMatchBody'), label: t('empty.clearFilters'), href: '/dashboard/crypto' } : null}
        empty={<NoCryptoPaymentsYet locale={locale} hasShop={shops.length > 0} />}
      >
        <CryptoPaymentList locale={locale} payments={list.payments} shopNames={shopNames} />
      </PagedList>
    </FilteredListPage>
  );
}
