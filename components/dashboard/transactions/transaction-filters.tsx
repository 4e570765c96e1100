import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, Select, TextInput } from '@/components/ui/field';
import { TRANSACTION_STATUSES } from '@/lib/transactions/transaction-statuses';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { ParsedTransactionFilters } from '@/lib/transactions/parse-transaction-filters';
import { DateFilterInput } from './date-filter-input';

/**
 * The list's filters as a plain GET form: the URL holds them (bookmarkable, shareable, works without JavaScript) and
 * applying them starts again at page 1.
 */
export function TransactionFilters({
  locale,
  shops,
  params,
  invalid,
}: {
  locale: Locale;
  shops: { id: string; name: string }[];
  params: ParsedTransactionFilters['params'];
  invalid: ParsedTransactionFilters['invalid'];
}) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  const invalidFields = Object.keys(invalid) as (keyof typeof invalid)[];
  return (
    <section aria-labelledby="transaction-filters-heading" className="mb-4 rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id="transaction-filters-heading" className="sr-only">
        {t('filters.heading')}
      </h2>
      {invalidFields.length > 0 ? (
        <p role="status" className="mb-4 rounded-xl bg-amber-50 px-3.5 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          {t('filters.invalid', { fields: invalidFields.map((field) => t(`filters.fieldNames.${field}`)).join(locale === 'fa' ? '، ' : ', ') })}
        </p>
      ) : null}
      <form method="get" action="/dashboard/transactions" role="search" aria-labelledby="transaction-filters-heading" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div className="col-span-2">
          <Field id="filter-search" label={t('filters.search')} hint={t('filters.searchHint')}>
            <TextInput type="search" name="search" defaultValue={params.search} maxLength={100} autoComplete="off" spellCheck={false} {...describedBy('filter-search', undefined, true)} />
          </Field>
        </div>
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
        <Field id="filter-status" label={t('filters.status')}>
          <Select id="filter-status" name="status" defaultValue={params.status ?? ''}>
            <option value="">{t('filters.allStatuses')}</option>
            {TRANSACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tc(`status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <DateFilterInput id="filter-from" name="from" label={t('filters.from')} defaultValue={params.from} anyDay={t('filters.anyDay')} />
        <DateFilterInput id="filter-to" name="to" label={t('filters.to')} defaultValue={params.to} anyDay={t('filters.anyDay')} />
        <div className="col-span-2 flex items-start gap-2 lg:pt-7">
          <Button type="submit" className="flex-1 sm:flex-none">
            {t('filters.apply')}
          </Button>
          <Link href="/dashboard/transactions" className={buttonClass('ghost')}>
            {t('filters.clear')}
          </Link>
        </div>
      </form>
    </section>
  );
}
