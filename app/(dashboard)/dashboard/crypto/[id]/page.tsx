import type { Metadata } from 'next';
import { CopyableValue } from '@/components/dashboard/copyable-value';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { DetailRow } from '@/components/dashboard/detail-row';
import { Money } from '@/components/dashboard/money';
import { CryptoAmount, formatDecimal } from '@/components/dashboard/crypto/crypto-amount';
import { CryptoStatusBadge } from '@/components/dashboard/crypto/crypto-status-badge';
import { CryptoTimeline } from '@/components/dashboard/crypto/crypto-timeline';
import { DepositList } from '@/components/dashboard/crypto/deposit-list';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { TimesPanel } from '@/components/dashboard/times-panel';
import { Panel } from '@/components/ui/panel';
import { getCryptoPayment } from '@/lib/crypto-payments/get-crypto-payment';
import { listCryptoPaymentEvents } from '@/lib/crypto-payments/list-crypto-payment-events';
import { cryptoPaymentIdParams } from '@/lib/crypto-payments/schemas';
import { currencyOf } from '@/lib/currencies/currencies';
import { NETWORK_NAMES } from '@/lib/currencies/networks';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { listPaymentDeposits } from '@/lib/deposits/list-payment-deposits';
import { orNotFound, paramsOrNotFound } from '@/lib/dashboard/not-found';
import { formatNumber } from '@/lib/format/number';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { getShop } from '@/lib/shops/get-shop';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'crypto')('detail.title')} — KPay` };
}

const RATE_SOURCES = ['coingecko', 'nobitex', 'fixed', 'peg'] as const;
const isRateSource = (value: string): value is (typeof RATE_SOURCES)[number] => (RATE_SOURCES as readonly string[]).includes(value);

export default async function CryptoPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'crypto');
  const tc = translator(locale, 'common');
  // A malformed id, or one that is not this merchant's, is simply not found: never a hint that it exists.
  const { id } = paramsOrNotFound(cryptoPaymentIdParams, await params);
  const payment = await orNotFound(getCryptoPayment(merchant.principal, id));
  const [shop, events, deposits] = await Promise.all([
    getShop(merchant.principal, payment.shop_id),
    listCryptoPaymentEvents(merchant.principal, payment.id),
    listPaymentDeposits(merchant.principal, payment.id),
  ]);
  const currency = currencyOf(payment.currency);
  const symbol = currency.symbol;

  const none = <span className="text-ink-500">{t('detail.none')}</span>;
  // An inline block: when a long value wraps, its lines still start on the left inside a right-to-left page.
  const ltr = (text: string) => (
    <span dir="ltr" className="inline-block max-w-full font-mono text-[0.8125rem] break-all">
      {text}
    </span>
  );
  const url = (value: string | null) => (value ? ltr(value) : none);
  // "peg+fixed": the USD rate's source and the Rial rate's, each named.
  const rateSource = (source: string) =>
    source
      .split('+')
      .map((part) => (isRateSource(part) ? t(`detail.rateSources.${part}`) : part))
      .join(' + ');
  const confirmed = Math.min(payment.confirmations, payment.required_confirmations);

  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/crypto', label: t('detail.back') }}
        // The order id is isolated (first strong character decides), so a Latin id keeps its order in a Persian title.
        title={t('detail.titleWithOrder', { order: `\u2068${payment.order_id}\u2069` })}
        status={<CryptoStatusBadge payment={payment} locale={locale} />}
        shopName={shop.name}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Panel title={t('detail.amounts')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <div className="rounded-xl bg-brand-50 p-3.5 sm:col-span-2">
                <dt className="text-xs text-brand-900">{t('detail.requested')}</dt>
                <dd className="mt-1 text-lg">
                  <CryptoAmount value={payment.requested_amount} symbol={symbol} locale={locale} className="font-bold text-ink-950" />
                </dd>
              </div>
              <DetailRow label={t('detail.received')}>
                {payment.received_amount ? (
                  <CryptoAmount value={payment.received_amount} symbol={symbol} locale={locale} className="font-semibold" />
                ) : (
                  <span className="text-ink-600">{t('detail.nothingReceived')}</span>
                )}
              </DetailRow>
              {payment.amount_usd ? (
                <DetailRow label={t('detail.priceUsd')}>
                  <span className="font-semibold tabular-nums">{t('usd', { amount: formatDecimal(payment.amount_usd, locale) })}</span>
                </DetailRow>
              ) : null}
              {payment.amount_irr !== null ? (
                <DetailRow label={t('detail.priceIrr')}>
                  <Money rials={payment.amount_irr} locale={locale} />
                </DetailRow>
              ) : null}
            </dl>

            <h3 className="mt-5 border-t border-ink-100 pt-4 text-sm font-semibold text-ink-900">{t('detail.rate')}</h3>
            {payment.rate ? (
              <dl className="mt-3 grid gap-4 sm:grid-cols-2">
                {payment.rate.usd_per_unit ? (
                  <DetailRow label={t('detail.usdPerUnit', { symbol })}>
                    <span className="tabular-nums">{t('usd', { amount: formatDecimal(payment.rate.usd_per_unit, locale) })}</span>
                  </DetailRow>
                ) : null}
                {payment.rate.irr_per_usd ? (
                  <DetailRow label={t('detail.irrPerUsd')}>
                    <span className="tabular-nums">
                      {formatDecimal(payment.rate.irr_per_usd, locale)} <span className="text-xs text-ink-500">{tc('rial')}</span>
                    </span>
                  </DetailRow>
                ) : null}
                <DetailRow label={t('detail.rateSource')}>{rateSource(payment.rate.source)}</DetailRow>
                <DetailRow label={t('detail.rateAt')}>
                  <Timestamp value={payment.rate.at} locale={locale} />
                </DetailRow>
              </dl>
            ) : (
              <p className="mt-2 text-sm text-ink-600">{t('detail.pricedInCrypto', { symbol })}</p>
            )}
          </Panel>

          <Panel title={t('detail.deposit')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailRow label={t('detail.address')} className="sm:col-span-2">
                <CopyableValue value={payment.deposit_address} locale={locale}>
                  <span dir="ltr" className="font-mono text-sm font-semibold break-all text-ink-950" data-deposit-address>
                    {payment.deposit_address}
                  </span>
                </CopyableValue>
              </DetailRow>
              {payment.memo ? (
                <DetailRow label={t('detail.memo')} className="sm:col-span-2">
                  <CopyableValue value={payment.memo} locale={locale}>
                    {ltr(payment.memo)}
                  </CopyableValue>
                </DetailRow>
              ) : null}
              <DetailRow label={t('detail.network')}>
                {t(`networks.${payment.network}`)}
                {/* The token's own name where it says more than the network's ("Tether USD (TRC-20)" on TRON). */}
                {currency.name === NETWORK_NAMES[payment.network] ? null : <span className="block text-xs text-ink-500">{currency.name}</span>}
              </DetailRow>
              <DetailRow label={t('detail.confirmations')}>
                <span className="tabular-nums">
                  {t('detail.confirmationsValue', {
                    count: formatNumber(payment.confirmations, locale),
                    required: formatNumber(payment.required_confirmations, locale),
                  })}
                </span>
                <span aria-hidden="true" className="mt-1.5 block h-1.5 w-full max-w-40 overflow-hidden rounded-full bg-ink-100">
                  <span
                    className="block h-full rounded-full bg-brand-600"
                    style={{ width: `${payment.required_confirmations > 0 ? (confirmed / payment.required_confirmations) * 100 : 0}%` }}
                  />
                </span>
              </DetailRow>
              <DetailRow label={t('detail.txHash')} className="sm:col-span-2">
                {payment.tx_hash ? (
                  <CopyableValue value={payment.tx_hash} locale={locale}>
                    {ltr(payment.tx_hash)}
                  </CopyableValue>
                ) : (
                  <span className="text-ink-600">{t('detail.noTxYet')}</span>
                )}
              </DetailRow>
              <DetailRow label={t('detail.hostedPage')} className="sm:col-span-2">
                <CopyableValue value={payment.payment_url} locale={locale}>
                  <a href={payment.payment_url} target="_blank" rel="noopener noreferrer" className="text-brand-800 hover:underline">
                    <span className="sr-only">{t('detail.openHostedPage')}: </span>
                    {ltr(payment.payment_url)}
                  </a>
                </CopyableValue>
              </DetailRow>
            </dl>
          </Panel>

          <Panel title={t('deposits.title')}>
            <DepositList deposits={deposits} requiredConfirmations={payment.required_confirmations} symbol={symbol} locale={locale} />
          </Panel>

          <Panel title={t('detail.details')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailRow label={t('detail.orderId')}>
                <span dir="auto" className="break-all">
                  {payment.order_id}
                </span>
              </DetailRow>
              <DetailRow label={t('detail.shop')}>
                <bdi>{shop.name}</bdi>
              </DetailRow>
              <DetailRow label={t('detail.paymentId')} className="sm:col-span-2">
                {ltr(payment.id)}
              </DetailRow>
              <DetailRow label={t('detail.callbackSuccess')} className="sm:col-span-2">
                {url(payment.callback_success)}
              </DetailRow>
              <DetailRow label={t('detail.callbackFailed')} className="sm:col-span-2">
                {url(payment.callback_failed)}
              </DetailRow>
              <DetailRow label={t('detail.webhookUrl')} className="sm:col-span-2">
                {url(payment.webhook_url)}
              </DetailRow>
            </dl>
          </Panel>
        </div>

        <div className="min-w-0 space-y-4">
          <TimesPanel
            title={t('detail.times')}
            times={[
              { label: t('detail.created'), at: payment.created_at },
              { label: t('detail.expires'), at: payment.expires_at },
              { label: t('detail.paid'), at: payment.paid_at },
            ]}
            none={t('detail.none')}
            locale={locale}
          />
          <CryptoTimeline events={events} locale={locale} />
        </div>
      </div>
    </>
  );
}
