import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, Select, TextInput } from '@/components/ui/field';
import { CRYPTO_PAYMENT_STATUSES } from '@/lib/crypto-payments/crypto-payment-statuses';
import { CURRENCIES } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { CryptoListParams } from './list-params';

/**
 * The list's filters as a plain GET form, as on the transactions page: the URL holds them (bookmarkable, works
 * without JavaScript) and applying them starts again at page 1.
 */
export function CryptoFilters({
  locale,
  shops,
  params,
  invalid,
}: {
  locale: Locale;
  shops: { id: string; name: string }[];
  params: CryptoListParams['params'];
  invalid: CryptoListParams['invalid'];
}) {
  const t = translator(locale, 'crypto');
  return (
    <section aria-labelledby="crypto-filters-heading" className="mb-4 rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id="crypto-filters-heading" className="sr-only">
        {t('filters.heading')}
      </h2>
      {invalid.length > 0 ? (
        <p role="status" className="mb-4 rounded-xl bg-amber-50 px-3.5 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          {t('filters.invalid', { fields: invalid.map((field) => t(`filters.fieldNames.${field}`)).join(locale === 'fa' ? '، ' : ', ') })}
        </p>
      ) : null}
      <form method="get" action="/dashboard/crypto" role="search" aria-labelledby="crypto-filters-heading" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div className="col-span-2">
          <Field id="filter-order-id" label={t('filters.orderId')} hint={t('filters.orderIdHint')}>
            <TextInput
              type="search"
              name="order_id"
              dir="auto"
              defaultValue={params.order_id}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              {...describedBy('filter-order-id', undefined, true)}
            />
          </Field>
        </div>
        <div className="col-span-2">
          <Field id="filter-shop" label={t('filters.shop')}>
            <Select id="filter-shop" name="shop_id" defaultValue={params.shop_id ?? ''}>
              <option value="">{t('filters.allShops')}</option>
              {shops.map((shop) => (
                <option key={shop.id} value={shop.id}>
                  {shop.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {/* Full width on phones: an option names the currency and its network, longer than half a phone. */}
        <div className="col-span-2 sm:col-span-1">
          <Field id="filter-currency" label={t('filters.currency')}>
            <Select id="filter-currency" name="currency" defaultValue={params.currency ?? ''}>
              <option value="">{t('filters.allCurrencies')}</option>
              {CURRENCIES.map((currency) => (
                <option key={currency.code} value={currency.code}>
                  {t('filters.currencyOption', { symbol: currency.symbol, network: t(`networks.${currency.network}`) })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <Field id="filter-status" label={t('filters.status')}>
            <Select id="filter-status" name="status" defaultValue={params.status ?? ''}>
              <option value="">{t('filters.allStatuses')}</option>
              {CRYPTO_PAYMENT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="col-span-2 flex items-start gap-2 lg:pt-7">
          <Button type="submit" className="flex-1 sm:flex-none">
            {t('filters.apply')}
          </Button>
          <Link href="/dashboard/crypto" className={buttonClass('ghost')}>
            {t('filters.clear')}
          </Link>
        </div>
      </form>
    </section>
  );
}
