import type { Metadata } from 'next';
import { emptyIcon, ListWithForm } from '@/components/dashboard/list-with-form';
import { PagedList } from '@/components/dashboard/paged-list';
import { readWithdrawalListParams, WITHDRAWAL_FILTER_FIELDS } from '@/components/dashboard/withdrawals/list-params';
import { WithdrawalFilters } from '@/components/dashboard/withdrawals/withdrawal-filters';
import { WithdrawalForm } from '@/components/dashboard/withdrawals/withdrawal-form';
import { WithdrawalList } from '@/components/dashboard/withdrawals/withdrawal-list';
import { withdrawalOptions } from '@/components/dashboard/withdrawals/withdrawal-options';
import { withdrawalsTranslator } from '@/components/dashboard/withdrawals/withdrawals-translator';
import { EmptyState, Panel } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { filterQuery } from '@/lib/dashboard/filter-query';
import { firstValue, type SearchParams } from '@/lib/dashboard/search-params';
import { requestLocale } from '@/lib/i18n/request-locale';
import { getBalances } from '@/lib/ledger/get-balances';
import { parseAmount } from '@/lib/money';
import { listWithdrawals } from '@/lib/withdrawals/list-withdrawals';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${withdrawalsTranslator(await requestLocale())('title')} — KPay` };
}

const ICON = 'M12 15V4M8 8l4-4 4 4M4 14v6h16v-6';

/**
 * The merchant's withdrawals, newest first, with status and currency filters, and the request form beside them (below
 * on phones). `?withdraw=<currency>` (the balances page's links) picks the form's currency.
 */
export default async function WithdrawalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = withdrawalsTranslator(locale);
  const raw = await searchParams;

  const { query, params, invalid } = readWithdrawalListParams(raw);
  const [list, { balances }] = await Promise.all([listWithdrawals(merchant.principal, query), getBalances(merchant.principal)]);
  const filters = filterQuery(params, WITHDRAWAL_FILTER_FIELDS);
  const narrowed = filters.size > 0 || invalid.length > 0;

  const options = withdrawalOptions(balances);
  const wanted = firstValue(raw.withdraw);
  const initial = options.find((option) => option.code === wanted) ?? options.find((option) => parseAmount(option.available, option.decimals).units > 0n) ?? options[0];

  const none = { title: t('empty.noneTitle'), body: t('empty.noneBody') };
  return (
    <ListWithForm
      title={t('title')}
      description={t('description')}
      addLabel={t('requestAction')}
      formAnchor="withdrawal-currency"
      listTitle={t('listTitle')}
      isEmpty={list.total === 0 && !narrowed}
      empty={{ ...none, action: t('empty.noneAction'), icon: emptyIcon(ICON) }}
      formTitle={t('form.title')}
      form={
        initial ? (
          <WithdrawalForm currencies={options} initialCurrency={initial.code} locale={locale} />
        ) : (
          <p id="withdrawal-currency" tabIndex={-1} className="text-sm text-ink-600">
            {t('form.noCurrencies')}
          </p>
        )
      }
    >
      <WithdrawalFilters locale={locale} params={params} invalid={invalid} />
      <Panel title={list.total > 0 ? t('count', { count: list.total }) : undefined}>
        <PagedList
          locale={locale}
          list={{ ...list, shown: list.withdrawals.length }}
          searchParams={params}
          pastEnd={{ title: t('empty.pageTitle'), label: t('empty.firstPage'), href: `/dashboard/withdrawals?${filters}` }}
          noMatch={filters.size > 0 ? { title: t('empty.noMatchTitle'), body: t('empty.noMatchBody'), label: t('empty.clearFilters'), href: '/dashboard/withdrawals' } : null}
          empty={<EmptyState {...none} icon={emptyIcon(ICON)} />}
        >
          <WithdrawalList withdrawals={list.withdrawals} locale={locale} />
        </PagedList>
      </Panel>
    </ListWithForm>
  );
}
