import Link from 'next/link';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { Table, Td, Th } from '@/components/ui/table';
import type { CryptoPaymentResponse } from '@/lib/crypto-payments/schemas';
import { currencyOf } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { CryptoAmount, formatDecimal } from './crypto-amount';
import { CryptoStatusBadge } from './crypto-status-badge';
import { CurrencyLabel } from './currency-label';

/**
 * The crypto payments of one page: a table from `sm` up, a card list on phones. Each row is one link to the detail
 * page (stretched over the row), named "Open payment <order id>".
 */
export function CryptoPaymentList({ locale, payments, shopNames }: { locale: Locale; payments: CryptoPaymentResponse[]; shopNames: Map<string, string> }) {
  const t = translator(locale, 'crypto');
  const openLink = (payment: CryptoPaymentResponse) => (
    <Link
      href={`/dashboard/crypto/${payment.id}`}
      className="rounded font-medium break-all text-brand-800 after:absolute after:inset-0 hover:underline"
    >
      <span className="sr-only">{t('list.open')} </span>
      <bdi>{payment.order_id}</bdi>
    </Link>
  );
  const amount = (payment: CryptoPaymentResponse) => (
    <span className="inline-flex flex-col leading-tight">
      <CryptoAmount value={payment.requested_amount} symbol={currencyOf(payment.currency).symbol} locale={locale} className="font-semibold text-ink-900" />
      {payment.amount_usd ? <span className="text-xs text-ink-500 tabular-nums">{t('usd', { amount: formatDecimal(payment.amount_usd, locale) })}</span> : null}
    </span>
  );

  return (
    <>
      <div className="hidden sm:block">
        <Table caption={t('list.caption')}>
          <thead>
            <tr>
              <Th>{t('list.orderId')}</Th>
              <Th>{t('list.shop')}</Th>
              <Th>{t('list.currency')}</Th>
              <Th>{t('list.amount')}</Th>
              <Th>{t('list.status')}</Th>
              <Th>{t('list.created')}</Th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr key={payment.id} className="relative hover:bg-ink-50 has-[a:focus-visible]:bg-brand-50/60" data-payment={payment.id}>
                <Td className="max-w-44 text-sm">{openLink(payment)}</Td>
                <Td className="max-w-40 truncate text-ink-700">
                  <bdi>{shopNames.get(payment.shop_id)}</bdi>
                </Td>
                <Td>
                  <CurrencyLabel code={payment.currency} locale={locale} />
                </Td>
                <Td className="whitespace-nowrap">{amount(payment)}</Td>
                <Td>
                  <CryptoStatusBadge payment={payment} locale={locale} />
                </Td>
                <Td className="text-xs whitespace-nowrap text-ink-600">
                  <Timestamp value={payment.created_at} locale={locale} style="date" />
                  <br />
                  <Timestamp value={payment.created_at} locale={locale} style="time" />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <ul className="-mx-1 space-y-2.5 sm:hidden">
        {payments.map((payment) => (
          <li key={payment.id} className="relative rounded-xl border border-ink-200 p-3.5 hover:bg-ink-50 has-[a:focus-visible]:bg-brand-50/60" data-payment={payment.id}>
            <div className="flex items-start justify-between gap-3">
              {amount(payment)}
              <CryptoStatusBadge payment={payment} locale={locale} />
            </div>
            <p className="mt-2 flex flex-wrap items-baseline gap-x-2 text-sm">
              {openLink(payment)}
              <span className="text-ink-600">
                {t('networkOf', { network: t(`networks.${payment.network}`) })}
              </span>
            </p>
            <div className="mt-1.5 flex items-center justify-between gap-3 text-xs text-ink-500">
              <bdi className="truncate">{shopNames.get(payment.shop_id)}</bdi>
              <Timestamp value={payment.created_at} locale={locale} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
