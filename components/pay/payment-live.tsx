'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';
import type { Locale } from '@/lib/format/number';
import { AMOUNT_HEADING_ID } from './amount-panel';
import { ClaimForm, type ClaimFormText } from './claim-form';
import { CountdownPanel } from './countdown-panel';
import { type CountdownAnnouncementText, CountdownRing, countdownAnnouncement } from './countdown-ring';
import { RedirectAfter } from './redirect-after';
import { StatusPanel } from './status-panel';
import { usePaymentStatus } from './use-payment-status';
import { WaitingNote } from './waiting-note';

type ClosedStatus = 'expired' | 'cancelled' | 'failed';

export interface PaymentLiveText {
  waiting: { title: string; body: string; timeLeft: string } & CountdownAnnouncementText;
  claim: ClaimFormText;
  cancel: string;
  paid: { title: string; body: string; redirecting: string; goNow: string };
  closed: Record<ClosedStatus, { title: string; body: string }> & { backToShop: string };
}

const closedStatus = (status: TransactionStatus): ClosedStatus =>
  status === 'expired' || status === 'cancelled' ? status : 'failed';

/**
 * The live part of the hosted payment page, its only client island: follows the transaction's status and swaps the
 * payment instructions (`amount` and `children`, rendered on the server) for the paid or closed state when it
 * changes, then sends a paid buyer back to the shop.
 */
export function PaymentLive({
  authority,
  locale,
  initialStatus,
  initialIsPaid,
  initialRemainingSeconds,
  totalSeconds,
  okUrl,
  nokUrl,
  text,
  amount,
  children,
}: {
  authority: string;
  locale: Locale;
  initialStatus: TransactionStatus;
  initialIsPaid: boolean;
  initialRemainingSeconds: number;
  /** The whole payment window, for the ring's proportion. */
  totalSeconds: number;
  okUrl: string;
  nokUrl: string;
  text: PaymentLiveText;
  /** The amount panel's content; the countdown ring joins it in the panel's top corner. */
  amount: ReactNode;
  /** The rest of the instructions: card, steps. */
  children: ReactNode;
}) {
  const [{ status, isPaid, remainingSeconds }, pollNow] = usePaymentStatus(authority, {
    status: initialStatus,
    isPaid: initialIsPaid,
    remainingSeconds: initialRemainingSeconds,
  });
  const view = isPaid ? 'paid' : status === 'pending' ? 'pending' : closedStatus(status);
  const heading = useRef<HTMLHeadingElement>(null);
  const initialView = useRef(view);
  // What the page said about the time left when it loaded is on screen already: only later changes are announced.
  const [initialCountdown] = useState(() => countdownAnnouncement(initialRemainingSeconds, text.waiting));

  useEffect(() => {
    // The instructions just vanished; if focus was inside them (the claim form), land on the new state's title.
    if (view !== initialView.current && document.activeElement === document.body) heading.current?.focus();
  }, [view]);

  const countdown = countdownAnnouncement(remainingSeconds, text.waiting);
  const announcement =
    view === 'pending'
      ? countdown === initialCountdown
        ? ''
        : countdown
      : view === 'paid'
        ? text.paid.title
        : text.closed[view].title;

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {view === 'pending' ? (
        <div className="space-y-4">
          <WaitingNote title={text.waiting.title} body={text.waiting.body} />
          <CountdownPanel
            headingId={AMOUNT_HEADING_ID}
            countdown={<CountdownRing remainingSeconds={remainingSeconds} totalSeconds={totalSeconds} locale={locale} label={text.waiting.timeLeft} />}
          >
            {amount}
          </CountdownPanel>
          {children}
          <ClaimForm authority={authority} dir={locale === 'fa' ? 'rtl' : 'ltr'} text={text.claim} onNotPending={pollNow} />
          <p className="text-center">
            <a href={nokUrl} className="inline-flex min-h-11 items-center px-3 text-sm text-ink-500 underline underline-offset-4 hover:text-ink-800">
              {text.cancel}
            </a>
          </p>
        </div>
      ) : view === 'paid' ? (
        <StatusPanel tone="success" title={text.paid.title} body={text.paid.body} action={{ href: okUrl, label: text.paid.goNow }} headingRef={heading}>
          <p className="mt-4 flex items-center justify-center gap-2 text-sm text-ink-500">
            <span aria-hidden="true" className="size-4 rounded-full border-2 border-ink-200 border-t-brand-600 motion-safe:animate-spin" />
            {text.paid.redirecting}
            <RedirectAfter href={okUrl} />
          </p>
        </StatusPanel>
      ) : (
        <StatusPanel
          tone={view === 'expired' ? 'expired' : 'stopped'}
          title={text.closed[view].title}
          body={text.closed[view].body}
          action={{ href: nokUrl, label: text.closed.backToShop }}
          headingRef={heading}
        >
          {/* A buyer who paid at the last minute can still say so: the merchant sees the claim beside a late deposit. */}
          {view === 'expired' && (
            <div className="mt-5 text-start">
              <ClaimForm authority={authority} dir={locale === 'fa' ? 'rtl' : 'ltr'} text={text.claim} onNotPending={pollNow} />
            </div>
          )}
        </StatusPanel>
      )}
    </>
  );
}
