import { RecordLink, RecordList } from '@/components/dashboard/record-list';
import { DateOverTime, Timestamp } from '@/components/dashboard/transactions/timestamp';
import type { CryptoPaymentResponse } from '@/lib/crypto-payments/schemas';
import { currencyOf } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { CryptoAmount, formatDecimal } from './crypto-amount';
import { CryptoStatusBadge } from './crypto-status-badge';
import { CurrencyLabel } from './currency-label';

/** The crypto payments of one page, each row and card a link named "Open payment <order id>". */
export function CryptoPaymentList({ locale, payments, shopNames }: { locale: Locale; payments: CryptoPaymentResponse[]; shopNames: Map<string, string> }) {
  const t = translator(locale, 'crypto');
  const openLink = (payment: CryptoPaymentResponse) => (
    <RecordLink href={`/dashboard/crypto/${payment.id}`} open={t('list.open')} className="break-all">
      <bdi>{payment.order_id}</bdi>
    </RecordLink>
  );
  const amount = (payment: CryptoPaymentResponse) => (
    <span className="inline-flex flex-col leading-tight">
      <CryptoAmount value={payment.requested_amount} symbol={currencyOf(payment.currency).symbol} locale={locale} className="font-semibold text-ink-900" />
      {payment.amount_usd ? <span className="text-xs text-ink-500 tabular-nums">{t('usd', { amount: formatDecimal(payment.amount_usd, locale) })}</span> : null}
    </span>
  );

  return (
    <RecordList
      caption={t('list.caption')}
      records={payments}
      keyOf={(payment) => payment.id}
      attributes={(payment) => ({ 'data-payment': payment.id })}
      columns={[
        { header: t('list.orderId'), className: 'max-w-44 text-sm', cell: openLink },
        { header: t('list.shop'), className: 'max-w-40 truncate text-ink-700', cell: (payment) => <bdi>{shopNames.get(payment.shop_id)}</bdi> },
        { header: t('list.currency'), cell: (payment) => <CurrencyLabel code={payment.currency} locale={locale} /> },
        { header: t('list.amount'), className: 'whitespace-nowrap', cell: amount },
        { header: t('list.status'), cell: (payment) => <CryptoStatusBadge payment={payment} locale={locale} /> },
        { header: t('list.created'), className: 'text-xs whitespace-nowrap text-ink-600', cell: (payment) => <DateOverTime value={payment.created_at} locale={locale} /> },
      ]}
      card={(payment) => (
        <>
          <div className="flex items-start justify-between gap-3">
            {amount(payment)}
            <CryptoStatusBadge payment={payment} locale={locale} />
          </div>
          <p className="mt-2 flex flex-wrap items-baseline gap-x-2 text-sm">
            {openLink(payment)}
            <span className="text-ink-600">{t('networkOf', { network: t(`networks.${payment.network}`) })}</span>
          </p>
          <div className="mt-1.5 flex items-center justify-between gap-3 text-xs text-ink-500">
            <bdi className="truncate">{shopNames.get(payment.shop_id)}</bdi>
            <Timestamp value={payment.created_at} locale={locale} />
          </div>
        </>
      )}
    />
  );
}
