import type { ReactNode } from 'react';
import { CopyButton, type CopyButtonText } from '@/components/ui/copy-button';
import { CountdownPanel, CountdownPanelHead } from '../countdown-panel';

/** The id of the panel's heading, for the section around it. */
export const CRYPTO_AMOUNT_HEADING_ID = 'crypto-amount-label';

/**
 * Short amounts sit big beside the countdown ring; long ones (18-decimal coins: "0.016666666666666667") take the
 * panel's whole width under it, so a phone never breaks the number in two.
 */
const isShort = (shown: string) => shown.length <= 9;
const longSize = (shown: string) => (shown.length <= 22 ? 'text-2xl' : 'text-xl break-all');

function Amount({ amount, symbol, size }: { amount: string; symbol: string; size: string }) {
  return (
    <p className={`mt-1 leading-tight font-extrabold text-ink-950 tabular-nums ${size}`}>
      <bdi>{amount}</bdi>{' '}
      <span lang="en" className="text-base font-semibold text-ink-600">
        {symbol}
      </span>
    </p>
  );
}

/**
 * What to send: the amount in the page's digits with the currency's symbol, the currency and network under it, a copy
 * button for the exact ASCII decimal ("0.05"), the deadline, and the countdown ring in the panel's top corner.
 */
export function AmountDuePanel({
  label,
  amount,
  copyValue,
  symbol,
  currencyLine,
  deadline,
  exact,
  copy,
  countdown,
}: {
  label: string;
  /** The amount as shown ("۰٫۰۵"). */
  amount: string;
  /** The amount as copied: the exact decimal, ASCII digits, no grouping ("0.05"). */
  copyValue: string;
  symbol: string;
  /** "Tether USD · TRON (TRC-20)". */
  currencyLine: string;
  deadline: string | null;
  exact: string;
  copy: CopyButtonText;
  countdown: ReactNode;
}) {
  return (
    <CountdownPanel headingId={CRYPTO_AMOUNT_HEADING_ID} countdown={countdown}>
      <CountdownPanelHead headingId={CRYPTO_AMOUNT_HEADING_ID} label={label}>
        {isShort(amount) && <Amount amount={amount} symbol={symbol} size="text-[2rem]" />}
        <p className="mt-1 text-sm text-ink-600">{currencyLine}</p>
      </CountdownPanelHead>
      {!isShort(amount) && <Amount amount={amount} symbol={symbol} size={`mt-1 ${longSize(amount)}`} />}
      <CopyButton value={copyValue} text={copy} className="mt-3 w-full bg-brand-50 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-100" />
      <p className="mt-3 text-sm leading-6 text-ink-600">{exact}</p>
      {deadline && <p className="mt-2 text-sm font-medium text-ink-700 tabular-nums">{deadline}</p>}
    </CountdownPanel>
  );
}
