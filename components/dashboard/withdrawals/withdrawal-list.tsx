import { CopyableValue } from '@/components/dashboard/copyable-value';
import { CryptoAmount, formatDecimal } from '@/components/dashboard/crypto/crypto-amount';
import { DetailRow } from '@/components/dashboard/detail-row';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { currencyOf } from '@/lib/currencies/currencies';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { WithdrawalResponse } from '@/lib/withdrawals/schemas';
import { WithdrawalActions } from './withdrawal-actions';
import { WithdrawalStatusBadge } from './withdrawal-status-badge';
import { withdrawalsTranslator } from './withdrawals-translator';

/** A long machine value (an address, a hash) left to right, wrapping anywhere, with its copy button. */
function Machine({ value, locale }: { value: string; locale: Locale }) {
  return (
    <CopyableValue value={value} locale={locale}>
      <span dir="ltr" className="inline-block max-w-full font-mono text-[0.8125rem] break-all">
        {value}
      </span>
    </CopyableValue>
  );
}

/**
 * The withdrawals of one page, newest first, each a card: the amount and status, then the fee, what arrives, the
 * destination and transaction (copyable), the approvals it needs and its times; a pending one has Confirm and Cancel.
 */
export function WithdrawalList({ withdrawals, locale }: { withdrawals: WithdrawalResponse[]; locale: Locale }) {
  const t = withdrawalsTranslator(locale);
  const tc = translator(locale, 'crypto');
  return (
    <ul className="space-y-3">
      {withdrawals.map((withdrawal) => {
        const { symbol } = currencyOf(withdrawal.currency);
        const amount = (value: string) => <CryptoAmount value={value} symbol={symbol} locale={locale} />;
        const name = t('item.label', { amount: formatDecimal(withdrawal.amount, locale), symbol });
        const pending = withdrawal.status === 'pending';
        return (
          <li key={withdrawal.id} data-withdrawal={withdrawal.id} data-status={withdrawal.status} className="rounded-xl border border-ink-200 p-3.5 sm:p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="text-base">
                  <span className="sr-only">{name}</span>
                  <span aria-hidden="true">
                    <CryptoAmount value={withdrawal.amount} symbol={symbol} locale={locale} className="font-bold text-ink-950" />
                  </span>
                </h3>
                <p className="text-xs text-ink-500">{tc('networkOf', { network: tc(`networks.${withdrawal.network}`) })}</p>
              </div>
              <WithdrawalStatusBadge status={withdrawal.status} label={t(`status.${withdrawal.status}`)} />
            </div>

            <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
              <DetailRow label={t('item.fee')}>{amount(withdrawal.fee)}</DetailRow>
              <DetailRow label={t('item.net')}>
                <CryptoAmount value={withdrawal.net_amount} symbol={symbol} locale={locale} className="font-semibold" />
              </DetailRow>
              <DetailRow label={t('item.approvals')} className="col-span-2 sm:col-span-1">
                {t('item.approvalsValue', { count: withdrawal.approvals_required })}
              </DetailRow>
              <DetailRow label={t('item.destination')} className="col-span-2 sm:col-span-3">
                <Machine value={withdrawal.destination_address} locale={locale} />
              </DetailRow>
              <DetailRow label={t('item.txHash')} className="col-span-2 sm:col-span-3">
                {withdrawal.tx_hash ? <Machine value={withdrawal.tx_hash} locale={locale} /> : <span className="text-ink-600">{t('item.noTx')}</span>}
              </DetailRow>
              {withdrawal.tx_hash ? (
                <DetailRow label={t('item.confirmations')}>
                  <span className="tabular-nums">{formatNumber(withdrawal.confirmations, locale)}</span>
                </DetailRow>
              ) : null}
              <DetailRow label={t('item.created')}>
                <Timestamp value={withdrawal.created_at} locale={locale} />
              </DetailRow>
              {withdrawal.completed_at ? (
                <DetailRow label={t('item.completed')}>
                  <Timestamp value={withdrawal.completed_at} locale={locale} />
                </DetailRow>
              ) : null}
              {withdrawal.failure_reason ? (
                <DetailRow label={t('item.failureReason')} className="col-span-2 sm:col-span-3">
                  <span dir="auto" className="text-red-800">
                    {withdrawal.failure_reason}
                  </span>
                </DetailRow>
              ) : null}
            </dl>

            {pending ? (
              <div className="mt-3 border-t border-ink-100 pt-3">
                <WithdrawalActions
                  id={withdrawal.id}
                  name={name}
                  canApprove={withdrawal.approvals_required > 0}
                  approveDescription={
                    <>
                      {t('actions.approveBody', { net: formatDecimal(withdrawal.net_amount, locale), symbol })}{' '}
                      <span dir="ltr" className="inline-block max-w-full font-mono text-xs font-semibold break-all text-ink-950">
                        {withdrawal.destination_address}
                      </span>
                      {withdrawal.approvals_required > 1 ? (
                        <span className="mt-2 block">{t('actions.approveOperator')}</span>
                      ) : null}
                    </>
                  }
                  cancelDescription={t('actions.cancelBody', { amount: formatDecimal(withdrawal.amount, locale), symbol })}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
