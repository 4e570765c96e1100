import { CurrencyFilter } from '@/components/dashboard/crypto/crypto-filters';
import { FilterForm, StatusFilter } from '@/components/dashboard/filter-form';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { WITHDRAWAL_STATUSES } from '@/lib/withdrawals/withdrawal-statuses';
import type { WithdrawalListParams } from './list-params';
import { withdrawalsTranslator } from './withdrawals-translator';

/** The withdrawal list's filters: currency (with its network) and status, labelled as on the crypto payments list. */
export function WithdrawalFilters({ locale, params, invalid }: { locale: Locale; params: WithdrawalListParams['params']; invalid: WithdrawalListParams['invalid'] }) {
  const t = withdrawalsTranslator(locale);
  const crypto = translator(locale, 'crypto');
  const status = { label: crypto('filters.status'), all: crypto('filters.allStatuses') };
  return (
    <FilterForm id="withdrawal-filters" action="/dashboard/withdrawals" locale={locale} t={t} invalid={invalid}>
      <CurrencyFilter locale={locale} value={params.currency} />
      <StatusFilter statuses={WITHDRAWAL_STATUSES} nameOf={(s) => t(`status.${s}`)} value={params.status} {...status} span="col-span-2 sm:col-span-1" />
    </FilterForm>
  );
}
