import { useCallback, useEffect, useRef, useState } from 'react';
import { useVisiblePolling } from './use-visible-polling';

/** Drops of an opened stream, without a status in between, after which the page polls instead. */
const MAX_DROPS = 3;
/**
 * A stream that lived this long before it dropped was healthy: the server ends streams at their maximum age
 * (KPAY_EVENT_STREAM_MAX_AGE_SECONDS) and the reconnect brings nothing new while the status stands still, so such an
 * end does not count towards MAX_DROPS. A proxy cutting streams early still does.
 */
const HEALTHY_STREAM_MS = 60_000;

/**
 * Follows a payment's status pushed by its event stream (`urls.events`, server-sent `status` events whose data is
 * the answer of `urls.poll`) while the tab is visible: a hidden tab closes its stream and reopens it when visible
 * again (after `onVisible`), and the first event of each stream is the current status. When the stream cannot be had
 * (refused before it opened, closed for good, or dropped again and again) the page polls `urls.poll` every
 * `intervalMs` instead (useVisiblePolling), for the rest of its life. Null `urls`: the payment is final, nothing is
 * followed. Returns a function that polls right now when polling, and does nothing while the stream delivers.
 */
export function useLiveStatus(
  urls: { events: string; poll: string } | null,
  intervalMs: number,
  { onAnswer, onVisible }: { onAnswer: (body: unknown) => void; onVisible?: () => void },
): () => void {
  const [streaming, setStreaming] = useState(() => typeof EventSource !== 'undefined');
  const handlers = useRef({ onAnswer, onVisible });
  const eventsUrl = urls?.events ?? null;

  useEffect(() => {
    handlers.current = { onAnswer, onVisible };
  }, [onAnswer, onVisible]);

  const pollNow = useVisiblePolling(streaming ? null : (urls?.poll ?? null), intervalMs, { onAnswer, onVisible });

  useEffect(() => {
    if (eventsUrl === null || !streaming) return;
    const target = eventsUrl;
    let source: EventSource | null = null;
    let drops = 0;

    function close() {
      source?.close();
      source = null;
    }

    function open() {
      if (source || document.hidden) return;
      let opened = false;
      let openedAt = 0;
      const current = new EventSource(target);
      source = current;
      current.onopen = () => {
        opened = true;
        openedAt = performance.now();
      };
      current.addEventListener('status', (event) => {
        drops = 0;
        handlers.current.onAnswer(JSON.parse((event as MessageEvent<string>).data));
      });
      current.onerror = () => {
        // EventSource reconnects by itself after a drop; these are the cases where it would not, or keeps failing.
        if (opened && performance.now() - openedAt >= HEALTHY_STREAM_MS) drops = 0;
        if (!opened || current.readyState === EventSource.CLOSED || ++drops >= MAX_DROPS) {
          close();
          setStreaming(false);
        }
      };
    }

    function onVisibilityChange() {
      if (document.hidden) return close();
      handlers.current.onVisible?.();
      open();
    }

    open();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      close();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [eventsUrl, streaming]);

  const ignore = useCallback(() => {}, []);
  return streaming ? ignore : pollNow;
}
