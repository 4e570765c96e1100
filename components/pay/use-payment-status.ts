import { useCallback, useEffect, useRef, useState } from 'react';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';
import type { CheckResult } from '@/lib/transactions/schemas';

export interface PaymentStatus {
  status: TransactionStatus;
  /** The server's answer (paid or verified), so the browser never needs the rule. */
  isPaid: boolean;
  remainingSeconds: number;
}

const PENDING_POLL_MS = 4_000;
// A merchant may still mark an expired payment as paid (money that arrived late); a buyer left on the expired page is
// sent back to the shop when that happens, at a gentler rate.
const EXPIRED_POLL_MS = 15_000;

/**
 * The transaction's live status. Polls the check endpoint while the tab is visible (and once as soon as it becomes
 * visible again), counts the seconds down locally between polls, and polls at once when they run out. Paid,
 * verified, cancelled and failed are final: polling stops. Returns the status and a function to poll right now.
 */
export function usePaymentStatus(authority: string, initial: PaymentStatus): [PaymentStatus, () => void] {
  const [state, setState] = useState(initial);
  const initialRemaining = useRef(initial.remainingSeconds);
  // Counting towards a local deadline rather than decrementing keeps the clock right when timers are throttled.
  const deadline = useRef<number | null>(null);
  const pollNowRef = useRef<() => void>(() => {});

  const pollMode = state.isPaid ? 'final' : state.status === 'pending' ? 'pending' : state.status === 'expired' ? 'expired' : 'final';

  useEffect(() => {
    if (pollMode === 'final') return;
    const checkUrl = `/api/transactions/check/${encodeURIComponent(authority)}`;
    const interval = pollMode === 'pending' ? PENDING_POLL_MS : EXPIRED_POLL_MS;
    deadline.current ??= Date.now() + initialRemaining.current * 1000;
    let stopped = false;
    let pollTimer: number | undefined;
    let request: AbortController | null = null;
    let lastLeft = Number.POSITIVE_INFINITY;

    function schedulePoll() {
      window.clearTimeout(pollTimer);
      if (!stopped && !document.hidden) pollTimer = window.setTimeout(poll, interval);
    }

    async function poll() {
      window.clearTimeout(pollTimer);
      if (stopped || request || document.hidden) return;
      request = new AbortController();
      try {
        const response = await fetch(checkUrl, { cache: 'no-store', headers: { accept: 'application/json' }, signal: request.signal });
        if (response.ok) {
          const check = (await response.json()) as CheckResult;
          deadline.current = Date.now() + check.remaining_seconds * 1000;
          lastLeft = check.remaining_seconds;
          setState({ status: check.status, isPaid: check.is_paid, remainingSeconds: check.remaining_seconds });
        }
      } catch {
        // Offline for a moment, or aborted on the way out: the next poll tries again.
      } finally {
        request = null;
        schedulePoll();
      }
    }

    function tick() {
      if (pollMode !== 'pending' || deadline.current === null) return;
      const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      if (left === 0 && lastLeft > 0) void poll();
      lastLeft = left;
      setState((current) => (current.remainingSeconds === left ? current : { ...current, remainingSeconds: left }));
    }

    function onVisibilityChange() {
      if (document.hidden) {
        window.clearTimeout(pollTimer);
        return;
      }
      tick();
      void poll();
    }

    pollNowRef.current = () => void poll();
    const ticker = pollMode === 'pending' ? window.setInterval(tick, 1000) : undefined;
    schedulePoll();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stopped = true;
      pollNowRef.current = () => {};
      window.clearInterval(ticker);
      window.clearTimeout(pollTimer);
      request?.abort();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [authority, pollMode]);

  const pollNow = useCallback(() => pollNowRef.current(), []);
  return [state, pollNow];
}
