import { useCallback, useEffect, useRef } from 'react';
import { type CryptoPaymentStateFields, type PollMode, stateSignature } from './crypto-payment-state';

const OPEN_POLL_MS = 4_000;
const EXPIRED_POLL_MS = 15_000;

/**
 * Follows a crypto payment through the public status API (GET /api/gateway/payments/{id}) while the tab is visible,
 * and once as soon as it becomes visible again: every few seconds while it is open, gently once expired, never after
 * completed or failed. Calls `onChange` whenever the answer differs from `signature` (what the page on screen shows).
 * Returns a function that polls right now.
 */
export function useCryptoPaymentPolling(id: string, { signature, mode, onChange }: { signature: string; mode: PollMode; onChange: () => void }) {
  const current = useRef(signature);
  const changed = useRef(onChange);
  const pollNowRef = useRef<() => void>(() => {});

  useEffect(() => {
    current.current = signature;
    changed.current = onChange;
  }, [signature, onChange]);

  useEffect(() => {
    if (mode === 'final') return;
    const url = `/api/gateway/payments/${encodeURIComponent(id)}`;
    const interval = mode === 'open' ? OPEN_POLL_MS : EXPIRED_POLL_MS;
    let stopped = false;
    let timer: number | undefined;
    let request: AbortController | null = null;

    function schedule() {
      window.clearTimeout(timer);
      if (!stopped && !document.hidden) timer = window.setTimeout(poll, interval);
    }

    async function poll() {
      window.clearTimeout(timer);
      if (stopped || request || document.hidden) return;
      request = new AbortController();
      try {
        const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' }, signal: request.signal });
        if (response.ok && stateSignature((await response.json()) as CryptoPaymentStateFields) !== current.current) changed.current();
      } catch {
        // Offline for a moment, or aborted on the way out: the next poll tries again.
      } finally {
        request = null;
        schedule();
      }
    }

    function onVisibilityChange() {
      if (document.hidden) window.clearTimeout(timer);
      else void poll();
    }

    pollNowRef.current = () => void poll();
    schedule();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stopped = true;
      pollNowRef.current = () => {};
      window.clearTimeout(timer);
      request?.abort();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [id, mode]);

  return useCallback(() => pollNowRef.current(), []);
}
