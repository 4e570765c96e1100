import { FilterForm, FilterSearch, type ListFiltersProps, ShopFilter, StatusFilter } from '@/components/dashboard/filter-form';
import { TRANSACTION_STATUSES } from '@/lib/transactions/transaction-statuses';
import { translator } from '@/lib/i18n/translator';
import type { ParsedTransactionFilters } from '@/lib/transactions/parse-transaction-filters';
import { DateFilterInput } from './date-filter-input';

/** The transaction list's filters: search, shop, status and a range of days. */
export function TransactionFilters({ locale, shops, params, invalid }: ListFiltersProps<ParsedTransactionFilters['params'], ParsedTransactionFilters['invalid']>) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  return (
    <FilterForm id="transaction-filters" action="/dashboard/transactions" locale={locale} t={t} invalid={Object.keys(invalid) as (keyof typeof invalid)[]}>
      <FilterSearch id="filter-search" name="search" label={t('filters.search')} hint={t('filters.searchHint')} value={params.search} />
      <ShopFilter shops={shops} value={params.shop_id} label={t('filters.shop')} all={t('filters.allShops')} />
      <StatusFilter statuses={TRANSACTION_STATUSES} nameOf={(status) => tc(`status.${status}`)} value={params.status} label={t('filters.status')} all={t('filters.allStatuses')} />
      <DateFilterInput id="filter-from" name="from" label={t('filters.from')} defaultValue={params.from} anyDay={t('filters.anyDay')} />
      <DateFilterInput id="filter-to" name="to" label={t('filters.to')} defaultValue={params.to} anyDay={t('filters.anyDay')} />
    </FilterForm>
  );
}
