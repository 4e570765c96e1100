import { useCallback, useEffect, useRef } from 'react';

/** How often a hosted page asks while the payment is open, and (gently) once it has expired: money may still arrive. */
export const OPEN_POLL_MS = 4_000;
export const EXPIRED_POLL_MS = 15_000;

/**
 * Asks `url` (a JSON status API) every `intervalMs` while the tab is visible, one request at a time, and once as soon
 * as the tab becomes visible again (after `onVisible`). A null `url` asks nothing (the payment is final); leaving the
 * page aborts a request on its way. Each successful answer goes to `onAnswer`. Returns a function that asks right now.
 */
export function useVisiblePolling(
  url: string | null,
  intervalMs: number,
  { onAnswer, onVisible }: { onAnswer: (body: unknown) => void; onVisible?: () => void },
): () => void {
  const handlers = useRef({ onAnswer, onVisible });
  const pollNowRef = useRef<() => void>(() => {});

  useEffect(() => {
    handlers.current = { onAnswer, onVisible };
  }, [onAnswer, onVisible]);

  useEffect(() => {
    if (url === null) return;
    const target = url;
    let stopped = false;
    let timer: number | undefined;
    let request: AbortController | null = null;

    function schedule() {
      window.clearTimeout(timer);
      if (!stopped && !document.hidden) timer = window.setTimeout(poll, intervalMs);
    }

    async function poll() {
      window.clearTimeout(timer);
      if (stopped || request || document.hidden) return;
      request = new AbortController();
      try {
        const response = await fetch(target, { cache: 'no-store', headers: { accept: 'application/json' }, signal: request.signal });
        if (response.ok) handlers.current.onAnswer(await response.json());
      } catch {
        // Offline for a moment, or aborted on the way out: the next poll tries again.
      } finally {
        request = null;
        schedule();
      }
    }

    function onVisibilityChange() {
      if (document.hidden) {
        window.clearTimeout(timer);
        return;
      }
      handlers.current.onVisible?.();
      void poll();
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
  }, [url, intervalMs]);

  return useCallback(() => pollNowRef.current(), []);
}
