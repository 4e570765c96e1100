import { useEffect, useRef, useState } from 'react';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';
import type { CheckResult } from '@/lib/transactions/schemas';
import { useLiveStatus } from './use-live-status';
import { EXPIRED_POLL_MS, OPEN_POLL_MS } from './use-visible-polling';

export interface PaymentStatus {
  status: TransactionStatus;
  /** The server's answer (paid or verified), so the browser never needs the rule. */
  isPaid: boolean;
  remainingSeconds: number;
}

/**
 * The transaction's live status. Follows the check endpoint's event stream while the tab is visible (polling the
 * check endpoint instead when the stream fails: useLiveStatus), counts the seconds down locally between answers, and
 * when polling, polls at once when they run out (the stream pushes the expiry itself). A merchant may still mark an
 * expired payment as paid (money that arrived late), so an expired one is still followed, polled at a gentler rate;
 * paid, verified, cancelled and failed are final: following stops. Returns the status and a function to poll right now.
 */
export function usePaymentStatus(authority: string, initial: PaymentStatus): [PaymentStatus, () => void] {
  const [state, setState] = useState(initial);
  const initialRemaining = useRef(initial.remainingSeconds);
  // Counting towards a local deadline rather than decrementing keeps the clock right when timers are throttled.
  const deadline = useRef<number | null>(null);
  const lastLeft = useRef(Number.POSITIVE_INFINITY);
  const tickNow = useRef<() => void>(() => {});

  const pollMode = state.isPaid ? 'final' : state.status === 'pending' ? 'pending' : state.status === 'expired' ? 'expired' : 'final';

  const check = `/api/transactions/check/${encodeURIComponent(authority)}`;
  const pollNow = useLiveStatus(
    pollMode === 'final' ? null : { events: `${check}/events`, poll: check },
    pollMode === 'pending' ? OPEN_POLL_MS : EXPIRED_POLL_MS,
    {
      onAnswer: (body) => {
        const check = body as CheckResult;
        deadline.current = Date.now() + check.remaining_seconds * 1000;
        lastLeft.current = check.remaining_seconds;
        setState({ status: check.status, isPaid: check.is_paid, remainingSeconds: check.remaining_seconds });
      },
      // Back from another tab: the clock first, then a poll.
      onVisible: () => tickNow.current(),
    },
  );

  useEffect(() => {
    if (pollMode !== 'pending') return;
    deadline.current ??= Date.now() + initialRemaining.current * 1000;
    lastLeft.current = Number.POSITIVE_INFINITY;

    function tick() {
      if (deadline.current === null) return;
      const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      if (left === 0 && lastLeft.current > 0) pollNow();
      lastLeft.current = left;
      setState((current) => (current.remainingSeconds === left ? current : { ...current, remainingSeconds: left }));
    }

    tickNow.current = tick;
    const ticker = window.setInterval(tick, 1000);
    return () => {
      tickNow.current = () => {};
      window.clearInterval(ticker);
    };
  }, [pollMode, pollNow]);

  return [state, pollNow];
}
