import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Money } from '@/components/dashboard/money';
import { CryptoAmount, formatDecimal } from '@/components/dashboard/crypto/crypto-amount';
import { CryptoStatusBadge } from '@/components/dashboard/crypto/crypto-status-badge';
import { CryptoTimeline } from '@/components/dashboard/crypto/crypto-timeline';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { BackLink } from '@/components/ui/back-link';
import { CopyButton } from '@/components/ui/copy-button';
import { Panel } from '@/components/ui/panel';
import { getCryptoPayment } from '@/lib/crypto-payments/get-crypto-payment';
import { listCryptoPaymentEvents } from '@/lib/crypto-payments/list-crypto-payment-events';
import { cryptoPaymentIdParams } from '@/lib/crypto-payments/schemas';
import { currencyOf } from '@/lib/currencies/currencies';
import { NETWORK_NAMES } from '@/lib/currencies/networks';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { orNotFound, paramsOrNotFound } from '@/lib/dashboard/not-found';
import { formatNumber } from '@/lib/format/number';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { getShop } from '@/lib/shops/get-shop';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'crypto')('detail.title')} — KPay` };
}

/** One term and its value: a <div> directly inside the <dl>, the only wrapper HTML allows there. */
function Row({ label, children, className = '' }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-ink-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-ink-900">{children}</dd>
    </div>
  );
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
  const [shop, events] = await Promise.all([getShop(merchant.principal, payment.shop_id), listCryptoPaymentEvents(merchant.principal, payment.id)]);
  const currency = currencyOf(payment.currency);
  const symbol = currency.symbol;

  const none = <span className="text-ink-500">{t('detail.none')}</span>;
  const copyText = { label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') };
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
      <BackLink href="/dashboard/crypto" label={t('detail.back')} />
      <div className="mb-5 min-w-0">
        <h1 className="text-xl font-bold break-words text-ink-950 sm:text-2xl">
          {/* The order id is isolated (first strong character decides), so a Latin id keeps its order in a Persian title. */}
          {t('detail.titleWithOrder', { order: `\u2068${payment.order_id}\u2069` })}
        </h1>
        <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-ink-600">
          <CryptoStatusBadge payment={payment} locale={locale} />
          <bdi>{shop.name}</bdi>
        </div>
      </div>

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
              <Row label={t('detail.received')}>
                {payment.received_amount ? (
                  <CryptoAmount value={payment.received_amount} symbol={symbol} locale={locale} className="font-semibold" />
                ) : (
                  <span className="text-ink-600">{t('detail.nothingReceived')}</span>
                )}
              </Row>
              {payment.amount_usd ? (
                <Row label={t('detail.priceUsd')}>
                  <span className="font-semibold tabular-nums">{t('usd', { amount: formatDecimal(payment.amount_usd, locale) })}</span>
                </Row>
              ) : null}
              {payment.amount_irr !== null ? (
                <Row label={t('detail.priceIrr')}>
                  <Money rials={payment.amount_irr} locale={locale} />
                </Row>
              ) : null}
            </dl>

            <h3 className="mt-5 border-t border-ink-100 pt-4 text-sm font-semibold text-ink-900">{t('detail.rate')}</h3>
            {payment.rate ? (
              <dl className="mt-3 grid gap-4 sm:grid-cols-2">
                {payment.rate.usd_per_unit ? (
                  <Row label={t('detail.usdPerUnit', { symbol })}>
                    <span className="tabular-nums">{t('usd', { amount: formatDecimal(payment.rate.usd_per_unit, locale) })}</span>
                  </Row>
                ) : null}
                {payment.rate.irr_per_usd ? (
                  <Row label={t('detail.irrPerUsd')}>
                    <span className="tabular-nums">
                      {formatDecimal(payment.rate.irr_per_usd, locale)} <span className="text-xs text-ink-500">{tc('rial')}</span>
                    </span>
                  </Row>
                ) : null}
                <Row label={t('detail.rateSource')}>{rateSource(payment.rate.source)}</Row>
                <Row label={t('detail.rateAt')}>
                  <Timestamp value={payment.rate.at} locale={locale} />
                </Row>
              </dl>
            ) : (
              <p className="mt-2 text-sm text-ink-600">{t('detail.pricedInCrypto', { symbol })}</p>
            )}
          </Panel>

          <Panel title={t('detail.deposit')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Row label={t('detail.address')} className="sm:col-span-2">
                <span className="flex flex-wrap items-center gap-1">
                  <span dir="ltr" className="font-mono text-sm font-semibold break-all text-ink-950" data-deposit-address>
                    {payment.deposit_address}
                  </span>
                  <CopyButton value={payment.deposit_address} text={copyText} className="text-brand-800 hover:bg-brand-50" />
                </span>
              </Row>
              {payment.memo ? (
                <Row label={t('detail.memo')} className="sm:col-span-2">
                  <span className="flex flex-wrap items-center gap-1">
                    {ltr(payment.memo)}
                    <CopyButton value={payment.memo} text={copyText} className="text-brand-800 hover:bg-brand-50" />
                  </span>
                </Row>
              ) : null}
              <Row label={t('detail.network')}>
                {t(`networks.${payment.network}`)}
                {/* The token's own name where it says more than the network's ("Tether USD (TRC-20)" on TRON). */}
                {currency.name === NETWORK_NAMES[payment.network] ? null : <span className="block text-xs text-ink-500">{currency.name}</span>}
              </Row>
              <Row label={t('detail.confirmations')}>
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
              </Row>
              <Row label={t('detail.txHash')} className="sm:col-span-2">
                {payment.tx_hash ? (
                  <span className="flex flex-wrap items-center gap-1">
                    {ltr(payment.tx_hash)}
                    <CopyButton value={payment.tx_hash} text={copyText} className="text-brand-800 hover:bg-brand-50" />
                  </span>
                ) : (
                  <span className="text-ink-600">{t('detail.noTxYet')}</span>
                )}
              </Row>
              <Row label={t('detail.hostedPage')} className="sm:col-span-2">
                <span className="flex flex-wrap items-center gap-1">
                  <a href={payment.payment_url} target="_blank" rel="noopener noreferrer" className="text-brand-800 hover:underline">
                    <span className="sr-only">{t('detail.openHostedPage')}: </span>
                    {ltr(payment.payment_url)}
                  </a>
                  <CopyButton value={payment.payment_url} text={copyText} className="text-brand-800 hover:bg-brand-50" />
                </span>
              </Row>
            </dl>
          </Panel>

          <Panel title={t('deposits.title')}>
            <p className="rounded-xl border border-dashed border-ink-300 px-4 py-6 text-center text-sm text-ink-600">{t('deposits.placeholder')}</p>
          </Panel>

          <Panel title={t('detail.details')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Row label={t('detail.orderId')}>
                <span dir="auto" className="break-all">
                  {payment.order_id}
                </span>
              </Row>
              <Row label={t('detail.shop')}>
                <bdi>{shop.name}</bdi>
              </Row>
              <Row label={t('detail.paymentId')} className="sm:col-span-2">
                {ltr(payment.id)}
              </Row>
              <Row label={t('detail.callbackSuccess')} className="sm:col-span-2">
                {url(payment.callback_success)}
              </Row>
              <Row label={t('detail.callbackFailed')} className="sm:col-span-2">
                {url(payment.callback_failed)}
              </Row>
              <Row label={t('detail.webhookUrl')} className="sm:col-span-2">
                {url(payment.webhook_url)}
              </Row>
            </dl>
          </Panel>
        </div>

        <div className="min-w-0 space-y-4">
          <Panel title={t('detail.times')}>
            <dl className="grid gap-3">
              <Row label={t('detail.created')}>
                <Timestamp value={payment.created_at} locale={locale} />
              </Row>
              <Row label={t('detail.expires')}>
                <Timestamp value={payment.expires_at} locale={locale} />
              </Row>
              <Row label={t('detail.paid')}>{payment.paid_at ? <Timestamp value={payment.paid_at} locale={locale} /> : none}</Row>
            </dl>
          </Panel>
          <Panel title={t('timeline.title')} actions={<span className="text-xs text-ink-500">{t('timeline.order')}</span>}>
            <CryptoTimeline events={events} locale={locale} />
          </Panel>
        </div>
      </div>
    </>
  );
}
