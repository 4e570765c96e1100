import type { Metadata } from 'next';
import { CopyableValue } from '@/components/dashboard/copyable-value';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { DetailRow } from '@/components/dashboard/detail-row';
import { Money } from '@/components/dashboard/money';
import { TimesPanel } from '@/components/dashboard/times-panel';
import { PaymentClaims } from '@/components/dashboard/transactions/payment-claims';
import { TransactionActions } from '@/components/dashboard/transactions/transaction-actions';
import { TransactionStatusBadge } from '@/components/dashboard/transactions/transaction-status-badge';
import { TransactionTimeline } from '@/components/dashboard/transactions/transaction-timeline';
import { Panel } from '@/components/ui/panel';
import { groupCardNumber } from '@/lib/banking/card-number';
import { listCards } from '@/lib/cards/list-cards';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { orNotFound, paramsOrNotFound } from '@/lib/dashboard/not-found';
import { localizeDigits } from '@/lib/format/number';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { getShop } from '@/lib/shops/get-shop';
import { getTransaction } from '@/lib/transactions/get-transaction';
import { transactionIdParams } from '@/lib/transactions/schemas';
import { canTransition } from '@/lib/transactions/status';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'transactions')('detail.title')} — KPay` };
}

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'transactions');
  // A malformed id, or one that is not this merchant's, is simply not found: never a hint that it exists.
  const { id } = paramsOrNotFound(transactionIdParams, await params);
  const tx = await orNotFound(getTransaction(merchant.principal, id));
  const [shop, { cards }] = await Promise.all([getShop(merchant.principal, tx.shop_id), listCards(merchant.principal)]);
  const card = cards.find((c) => c.id === tx.card_id);
  const cardText = card ? localizeDigits(groupCardNumber(card.card_number), locale) : null;

  const canConfirm = canTransition(tx.status, 'paid');
  const canCancel = canTransition(tx.status, 'cancelled');
  const none = <span className="text-ink-500">{t('detail.none')}</span>;
  const ltr = (text: string) => (
    <span dir="ltr" className="font-mono text-[0.8125rem] break-all">
      {text}
    </span>
  );

  // Phrasing content only: the dialog shows it inside a <p>.
  const confirmDescription = (
    <>
      {/* The card number is isolated left-to-right so its digit groups keep their order inside a Persian sentence. */}
      <span className="block">{cardText ? t('actions.confirmBody', { card: `\u2066${cardText}\u2069` }) : t('actions.confirmBodyRemovedCard')}</span>
      <span className="my-3 block rounded-xl bg-brand-50 px-4 py-3 text-center text-ink-950 ring-1 ring-brand-200 ring-inset">
        <Money rials={tx.final_amount} locale={locale} size="lg" />
      </span>
      {tx.status === 'expired' ? <span className="block font-medium text-amber-800">{t('actions.confirmLate')}</span> : null}
      <span className="block">{t('actions.confirmShop')}</span>
    </>
  );

  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/transactions', label: t('detail.back') }}
        title={tx.factor_number ? t('detail.titleWithFactor', { factor: tx.factor_number }) : t('detail.title')}
        status={<TransactionStatusBadge status={tx.status} paidLate={tx.paid_late} locale={locale} />}
        shopName={shop.name}
        actions={<TransactionActions id={tx.id} canConfirm={canConfirm} canCancel={canCancel} confirmDescription={confirmDescription} />}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {canConfirm || tx.claims.length > 0 ? <PaymentClaims claims={tx.claims} awaitingCheck={canConfirm} locale={locale} /> : null}

          <Panel title={t('detail.amounts')}>
            <dl className="grid gap-4 sm:grid-cols-3">
              <div className="rounded-xl bg-brand-50 p-3.5 sm:col-span-3">
                <dt className="text-xs text-brand-900">{t('detail.finalAmount')}</dt>
                <dd className="mt-1 text-lg">
                  <Money rials={tx.final_amount} locale={locale} />
                </dd>
              </div>
              <DetailRow label={t('detail.amount')}>
                <Money rials={tx.amount} locale={locale} />
              </DetailRow>
              <DetailRow label={t('detail.fee')}>
                <Money rials={tx.fee} locale={locale} />
                <span className="block text-xs text-ink-500">{t(`detail.feeSide.${tx.fee_side}`)}</span>
              </DetailRow>
              <DetailRow label={t('detail.paidVia')}>{tx.paid_via ? t(`detail.paidViaValue.${tx.paid_via}`) : none}</DetailRow>
            </dl>
          </Panel>

          <Panel title={t('detail.details')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailRow label={t('detail.factorNumber')}>{tx.factor_number ? <span dir="auto">{tx.factor_number}</span> : none}</DetailRow>
              <DetailRow label={t('detail.shop')}>
                <bdi>{shop.name}</bdi>
              </DetailRow>
              <DetailRow label={t('detail.card')}>
                {card ? (
                  <>
                    <span dir="ltr" className="font-mono tabular-nums">
                      {cardText}
                    </span>
                    <span className="block text-xs text-ink-500">
                      {locale === 'fa' ? card.bank_name : card.bank_name_en} · {card.owner_name}
                    </span>
                  </>
                ) : (
                  none
                )}
              </DetailRow>
              <DetailRow label={t('detail.description')}>{tx.description ? <span dir="auto">{tx.description}</span> : none}</DetailRow>
              <DetailRow label={t('detail.authority')} className="sm:col-span-2">
                <CopyableValue value={tx.authority} locale={locale}>
                  {ltr(tx.authority)}
                </CopyableValue>
              </DetailRow>
              <DetailRow label={t('detail.paymentLink')} className="sm:col-span-2">
                <CopyableValue value={tx.payment_url} locale={locale}>
                  <a href={tx.payment_url} target="_blank" rel="noopener noreferrer" className="text-brand-800 hover:underline">
                    {ltr(tx.payment_url)}
                  </a>
                </CopyableValue>
              </DetailRow>
              <DetailRow label={t('detail.callbackUrl')} className="sm:col-span-2">
                {ltr(tx.callback_url)}
              </DetailRow>
            </dl>
          </Panel>
        </div>

        <div className="space-y-4">
          <TimesPanel
            title={t('detail.times')}
            times={[
              { label: t('detail.created'), at: tx.created_at },
              { label: t('detail.expires'), at: tx.expires_at },
              { label: t('detail.paid'), at: tx.paid_at },
              { label: t('detail.verified'), at: tx.verified_at },
            ]}
            none={t('detail.none')}
            locale={locale}
          />
          <TransactionTimeline events={tx.events} locale={locale} />
        </div>
      </div>
    </>
  );
}
