import { CopyableValue } from '@/components/dashboard/copyable-value';
import { DetailRow } from '@/components/dashboard/detail-row';
import { DotBadge } from '@/components/dashboard/status-badge';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import type { BadgeTone } from '@/components/ui/panel';
import type { DepositStatus } from '@/lib/deposits/deposit-statuses';
import type { PaymentDeposit } from '@/lib/deposits/list-payment-deposits';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { CryptoAmount } from './crypto-amount';

const TONE: Record<DepositStatus, BadgeTone> = { seen: 'info', confirmed: 'success', orphaned: 'neutral' };

/**
 * The deposits the chain watcher recorded for one payment, oldest first: amount, transaction (and its output or log
 * index), block, confirmations against what the payment needs, and when it was seen and confirmed. An orphaned deposit
 * (its block left the best chain) stays listed, struck through, labelled and explained: it no longer counts.
 */
export function DepositList({ deposits, requiredConfirmations, symbol, locale }: { deposits: PaymentDeposit[]; requiredConfirmations: number; symbol: string; locale: Locale }) {
  const t = translator(locale, 'crypto');
  if (deposits.length === 0) {
    return <p className="rounded-xl border border-dashed border-ink-300 px-4 py-6 text-center text-sm text-ink-600">{t('deposits.placeholder')}</p>;
  }
  return (
    <>
      <p className="mb-3 text-xs text-ink-500">{t('deposits.caption', { count: deposits.length })}</p>
      <ul className="space-y-3">
        {deposits.map((deposit) => {
          const orphaned = deposit.status === 'orphaned';
          return (
            <li
              key={deposit.id}
              data-deposit={deposit.id}
              data-status={deposit.status}
              className={`rounded-xl border p-3.5 ${orphaned ? 'border-dashed border-ink-300 bg-ink-50' : 'border-ink-200'}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <CryptoAmount
                  value={deposit.amount}
                  symbol={symbol}
                  locale={locale}
                  className={`text-base font-semibold ${orphaned ? 'text-ink-600 line-through decoration-2' : 'text-ink-950'}`}
                />
                <DotBadge tone={TONE[deposit.status]} label={t(`deposits.status.${deposit.status}`)} />
              </div>
              {orphaned ? <p className="mt-1.5 text-xs leading-5 text-ink-700">{t('deposits.orphanedNote')}</p> : null}
              <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
                <DetailRow
                  label={`${t('deposits.txHash')} · ${t('deposits.output', { index: formatNumber(deposit.output_index, locale, { useGrouping: false }) })}`}
                  className="col-span-2 sm:col-span-4"
                >
                  <CopyableValue value={deposit.tx_hash} locale={locale}>
                    <span dir="ltr" className="inline-block max-w-full font-mono text-[0.8125rem] break-all">
                      {deposit.tx_hash}
                    </span>
                  </CopyableValue>
                </DetailRow>
                <DetailRow label={t('deposits.blockHeight')}>
                  {deposit.block_height === null ? (
                    <span className="text-ink-600">{t('deposits.notInBlock')}</span>
                  ) : (
                    <span className="tabular-nums">{formatNumber(deposit.block_height, locale, { useGrouping: false })}</span>
                  )}
                </DetailRow>
                <DetailRow label={t('deposits.confirmations')}>
                  <span className="tabular-nums">
                    {t('deposits.confirmationsValue', {
                      count: formatNumber(Math.min(deposit.confirmations, requiredConfirmations), locale),
                      required: formatNumber(requiredConfirmations, locale),
                    })}
                  </span>
                </DetailRow>
                <DetailRow label={t('deposits.seenAt')}>
                  <Timestamp value={deposit.seen_at} locale={locale} />
                </DetailRow>
                <DetailRow label={t('deposits.confirmedAt')}>
                  {deposit.confirmed_at ? <Timestamp value={deposit.confirmed_at} locale={locale} /> : <span className="text-ink-500">{t('detail.none')}</span>}
                </DetailRow>
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
