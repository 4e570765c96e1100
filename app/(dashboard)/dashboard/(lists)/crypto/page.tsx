import type { Metadata } from 'next';
import Link from 'next/link';
import { CryptoFilters } from '@/components/dashboard/crypto/crypto-filters';
import { CryptoPaymentList } from '@/components/dashboard/crypto/crypto-payment-list';
import { CRYPTO_FILTER_FIELDS, readCryptoListParams } from '@/components/dashboard/crypto/list-params';
import { NoCryptoPaymentsYet } from '@/components/dashboard/crypto/no-crypto-payments-yet';
import { buttonClass } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { listCryptoPayments } from '@/lib/crypto-payments/list-crypto-payments';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import type { SearchParams } from '@/lib/dashboard/search-params';
import { formatNumber } from '@/lib/format/number';
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
  const tc = translator(locale, 'common');

  const { query, params, invalid } = readCryptoListParams(await searchParams);
  const [list, { shops }] = await Promise.all([listCryptoPayments(merchant.principal, query), listShops(merchant.principal)]);
  const shopNames = new Map(shops.map((shop) => [shop.id, shop.name]));

  const filterParams = new URLSearchParams();
  for (const field of CRYPTO_FILTER_FIELDS) if (params[field]) filterParams.set(field, params[field]);
  const filtered = filterParams.size > 0;
  const pages = Math.max(1, Math.ceil(list.total / list.per_page));

  let body;
  if (list.payments.length > 0) {
    body = (
      <>
        <CryptoPaymentList locale={locale} payments={list.payments} shopNames={shopNames} />
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
          <Link href={`/dashboard/crypto?${filterParams}`} className={buttonClass('secondary')}>
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
          <Link href="/dashboard/crypto" className={buttonClass('secondary')}>
            {t('empty.clearFilters')}
          </Link>
        }
      />
    );
  } else {
    body = <NoCryptoPaymentsYet locale={locale} hasShop={shops.length > 0} />;
  }

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {/* A merchant with no crypto payment yet gets what to do, not a form that can only find nothing. */}
      {list.total > 0 || filtered || invalid.length > 0 ? <CryptoFilters locale={locale} shops={shops} params={params} invalid={invalid} /> : null}
      <Panel title={list.total > 0 ? t('count', { count: list.total }) : undefined}>{body}</Panel>
    </>
  );
}
