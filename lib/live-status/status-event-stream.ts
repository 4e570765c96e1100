import 'server-only';
import { config } from '@/lib/config/config';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/observability/logger';
import { type Delivery, type StatusFeed, statusHub } from './status-hub';

/** How long EventSource waits before reconnecting after a lost stream (the `retry:` hint). */
const RETRY_MS = 3_000;
const encoder = new TextEncoder();

export interface StatusStreamOptions {
  /** The version the client already has (its Last-Event-ID header): the first state is not sent again. */
  lastEventId: string | null;
  /** The request's signal: a client that went away ends its stream. */
  signal: AbortSignal;
  /** Called once when the stream ends, however it ends. */
  onClose: () => void;
}

/**
 * Opens a server-sent events stream of `key`'s state through `feed`: a `retry:` hint, then the current state (unless
 * the client's Last-Event-ID already is its version), then a `status` event whenever the version changes, a comment
 * every keep-alive period, and the end after a final state or KPAY_EVENT_STREAM_MAX_AGE_SECONDS. Throws the feed's
 * error (an unknown key's not_found, the hub's not_ready) before anything is sent. Resolves to null when the client
 * already holds the final state: nothing will ever come.
 */
export async function openStatusEventStream<T>(feed: StatusFeed<T>, key: string, options: StatusStreamOptions): Promise<ReadableStream<Uint8Array> | null> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let sent = options.lastEventId;
  let closed = false;
  let opened = false;
  let unfollow = () => {};
  let keepAlive: NodeJS.Timeout | undefined = undefined;
  let ageLimit: NodeJS.Timeout | undefined = undefined;
  let first!: { resolve: (state: T) => void; reject: (error: unknown) => void };
  const firstState = new Promise<T>((resolve, reject) => (first = { resolve, reject }));

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    clearTimeout(ageLimit);
    unfollow();
    options.signal.removeEventListener('abort', close);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
    options.onClose();
  };
  const write = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
    },
    cancel: close,
  });

  const deliver = (delivery: Delivery<T>) => {
    if (closed) return;
    if ('error' in delivery) {
      // Before the first state this is the answer (an unknown key's 404); after it, the database failed under an open
      // stream, or the hub lost its notifications (its AppError, logged once there), and the stream ends: the client
      // reconnects, or polls.
      if (opened && !(delivery.error instanceof AppError)) logger.warn({ err: delivery.error, kind: feed.kind }, 'status stream read failed');
      first.reject(delivery.error);
      return close();
    }
    const { state } = delivery;
    opened = true;
    first.resolve(state);
    const version = feed.version(state);
    if (version === sent) return;
    write(`id: ${version}\nevent: status\ndata: ${JSON.stringify(state)}\n\n`);
    sent = version;
    if (feed.isFinal(state)) close();
  };

  try {
    const stop = await (await statusHub()).follow(feed, key, deliver);
    // The first read may already have ended the stream (a final state, an unknown key) on the way here.
    if (closed) stop();
    else unfollow = stop;
    const state = await firstState;
    if (closed) return stream;
    if (feed.isFinal(state)) {
      // The client already has the final state (its Last-Event-ID): it is told so, and nothing stays open.
      close();
      return null;
    }
  } catch (error) {
    close();
    throw error;
  }
  const { keepAliveSeconds, maxAgeSeconds } = config().eventStreams;
  keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveSeconds * 1000);
  // No stream lives for ever (a tab left open for days holds a place); EventSource reconnects with its Last-Event-ID.
  // Somewhere in the last tenth of the age: streams opened together (after a restart) do not all come back together.
  ageLimit = setTimeout(close, maxAgeSeconds * 1000 * (0.9 + Math.random() * 0.1));
  if (options.signal.aborted) close();
  else options.signal.addEventListener('abort', close);
  return stream;
}
