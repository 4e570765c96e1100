import { formatRials, formatToman } from '@/lib/format/money';
import type { Locale } from '@/lib/format/number';
import { CopyButton, type CopyButtonText } from '@/components/ui/copy-button';
import { CountdownPanelHead } from './countdown-panel';
import { WarningIcon } from './warning-icon';

export interface AmountPanelText {
  label: string;
  rial: string;
  toman: string;
  orderAmount: string;
  fee: string;
  offset: string;
  exactTitle: string;
  exactBody: string;
  copy: CopyButtonText;
}

/** The id of the panel's heading, for the section PaymentLive wraps it in. */
export const AMOUNT_HEADING_ID = 'pay-amount-label';

/**
 * What to transfer: the final amount in Rials with Toman beside it, and a copy button for the bare digits. When it
 * differs from the order amount, a warning to pay it exactly with the breakdown, since only the exact amount names
 * this transaction when the bank's deposit SMS is matched.
 */
export function AmountPanel({
  amount,
  finalAmount,
  feeIncluded,
  locale,
  text,
}: {
  amount: number;
  finalAmount: number;
  /** Rials of fee inside finalAmount (0 when the merchant pays it). */
  feeIncluded: number;
  locale: Locale;
  text: AmountPanelText;
}) {
  const offset = finalAmount - amount - feeIncluded;
  const rials = (value: number) => `${formatRials(value, locale)} ${text.rial}`;
  return (
    <>
      {/* PaymentLive puts this in a CountdownPanel, the ring in its top corner. */}
      <CountdownPanelHead headingId={AMOUNT_HEADING_ID} label={text.label}>
        <p className="mt-1 text-[2rem] leading-tight font-extrabold text-ink-950 tabular-nums">
          {formatRials(finalAmount, locale)} <span className="text-base font-semibold text-ink-600">{text.rial}</span>
        </p>
        <p className="mt-0.5 text-sm text-ink-500 tabular-nums">
          {formatToman(finalAmount, locale)} {text.toman}
        </p>
      </CountdownPanelHead>
      <CopyButton
        value={String(finalAmount)}
        text={text.copy}
        className="mt-3 w-full bg-brand-50 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-100"
      />

      {finalAmount !== amount && (
        <div role="note" className="mt-4 rounded-2xl bg-amber-50 p-3.5 text-amber-950 ring-1 ring-amber-200">
          <p className="flex items-center gap-2 font-bold">
            <WarningIcon className="size-5 shrink-0 text-amber-600" />
            {text.exactTitle}
          </p>
          <p className="mt-1 text-sm leading-6">{text.exactBody}</p>
          <dl className="mt-2.5 space-y-1 border-t border-amber-200 pt-2.5 text-sm text-amber-900">
            <div className="flex justify-between gap-3">
              <dt>{text.orderAmount}</dt>
              <dd className="whitespace-nowrap tabular-nums">{rials(amount)}</dd>
            </div>
            {feeIncluded > 0 && (
              <div className="flex justify-between gap-3">
                <dt>{text.fee}</dt>
                <dd className="whitespace-nowrap tabular-nums">+ {rials(feeIncluded)}</dd>
              </div>
            )}
            {offset > 0 && (
              <div className="flex justify-between gap-3">
                <dt>{text.offset}</dt>
                <dd className="whitespace-nowrap tabular-nums">+ {rials(offset)}</dd>
              </div>
            )}
          </dl>
        </div>
      )}
    </>
  );
}
