import { FilterForm, FilterSearch, FilterSelect, type ListFiltersProps, ShopFilter, StatusFilter } from '@/components/dashboard/filter-form';
import { CRYPTO_PAYMENT_STATUSES } from '@/lib/crypto-payments/crypto-payment-statuses';
import { CURRENCIES } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { CryptoListParams } from './list-params';

/** The crypto list's filters: order id, shop, currency (with its network) and status. */
export function CryptoFilters({ locale, shops, params, invalid }: ListFiltersProps<CryptoListParams['params'], CryptoListParams['invalid']>) {
  const t = translator(locale, 'crypto');
  return (
    <FilterForm id="crypto-filters" action="/dashboard/crypto" locale={locale} t={t} invalid={invalid}>
      <FilterSearch id="filter-order-id" name="order_id" dir="auto" label={t('filters.orderId')} hint={t('filters.orderIdHint')} value={params.order_id} />
      <ShopFilter shops={shops} value={params.shop_id} label={t('filters.shop')} all={t('filters.allShops')} span="col-span-2" />
      <CurrencyFilter locale={locale} value={params.currency} />
      <StatusFilter
        statuses={CRYPTO_PAYMENT_STATUSES}
        nameOf={(status) => t(`status.${status}`)}
        value={params.status}
        label={t('filters.status')}
        all={t('filters.allStatuses')}
        span="col-span-2 sm:col-span-1"
      />
    </FilterForm>
  );
}

/**
 * The currency filter of the crypto lists (payments, withdrawals): every currency, each with its network. Full width on
 * phones: an option names the currency and its network, longer than half a phone.
 */
export function CurrencyFilter({ locale, value }: { locale: Locale; value: string | undefined }) {
  const t = translator(locale, 'crypto');
  return (
    <FilterSelect
      id="filter-currency"
      name="currency"
      span="col-span-2 sm:col-span-1"
      label={t('filters.currency')}
      value={value}
      all={t('filters.allCurrencies')}
      options={CURRENCIES.map((currency) => ({
        value: currency.code,
        label: t('filters.currencyOption', { symbol: currency.symbol, network: t(`networks.${currency.network}`) }),
      }))}
    />
  );
}
