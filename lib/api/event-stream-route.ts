import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { config } from '@/lib/config/config';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/observability/logger';
import { clientIp, clientNetwork } from './client-ip';
import { toErrorBody } from './error-body';
import { OPERATION } from './handler';
import type { AnyOperation, Operation } from './operation';

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** What a stream handler gets: the parsed path, the client's Last-Event-ID, and what ends or releases the stream. */
export interface EventStreamContext<P> {
  params: P;
  lastEventId: string | null;
  signal: AbortSignal;
  /** To be called once when the stream ends: it frees the client's place under the cap. */
  onClose: () => void;
}

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  // no-transform: Next's gzip would otherwise hold a compressor (hundreds of KiB) for each open stream, and proxies
  // that respect it do not buffer or re-encode the events either.
  'Cache-Control': 'no-store, no-transform',
  // nginx: pass each event on at once (for the rest, `proxy_buffering off` on these paths: docs/card-to-card.md).
  'X-Accel-Buffering': 'no',
};

/**
 * apiRoute's counterpart for an operation that answers a server-sent events stream (`events` in its declaration):
 * parses the path with the operation's schema (a value that fails it names nothing: 404), holds the client network to
 * KPAY_EVENT_STREAMS_PER_IP open streams and the process to KPAY_EVENT_STREAMS_MAX, and answers `open`'s stream, or 204
 * when it returns null (nothing will come). Every refusal before the stream opens is the API's JSON error
 * (toErrorBody), so a 404, 429 or 503 reads like any other.
 */
export function eventStreamRoute<P extends z.ZodType>(
  operation: Operation<'GET', 'none', P>,
  open: (ctx: EventStreamContext<z.output<P>>) => Promise<ReadableStream<Uint8Array> | null>,
) {
  const { params: paramsSchema } = operation;
  if (!paramsSchema || !operation.events) throw new Error(`${operation.path}: an event stream names its params and its events`);
  const serve = async (request: Request, next: NextContext): Promise<Response> => {
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    let release = () => {};
    try {
      const params = paramsSchema.safeParse(await next.params);
      if (!params.success) throw new AppError('not_found', 'Not found');
      release = takeStreamPlace(clientNetwork(clientIp(request.headers)));
      const body = await open({ params: params.data, lastEventId: request.headers.get('last-event-id'), signal: request.signal, onClose: release });
      if (!body) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
      return new Response(body, { status: 200, headers: { ...STREAM_HEADERS, 'X-Request-Id': requestId } });
    } catch (error) {
      release();
      const answer = toErrorBody(error, requestId);
      if (!answer.expected) logger.error({ err: error, requestId, path: new URL(request.url).pathname }, 'unhandled error');
      return Response.json(answer.body, { status: answer.status, headers: { ...answer.headers, 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
    }
  };
  return Object.assign(serve, { [OPERATION]: operation as AnyOperation });
}

// On globalThis: both event routes (separate bundles) count against the same caps.
const KEY = Symbol.for('kpay.openEventStreams');
const holder = globalThis as { [KEY]?: { total: number; byNetwork: Map<string, number> } };

// Places free up as other streams end (a payment that ends closes its streams): worth trying again soon.
const RETRY_AFTER_SECONDS = 30;

/**
 * Counts one more open stream for `network` and for the process, or refuses: 429 past the network's cap (one client),
 * 503 past the process's (every client: this instance is full, another may not be); returns the release (idempotent).
 */
function takeStreamPlace(network: string): () => void {
  const open = (holder[KEY] ??= { total: 0, byNetwork: new Map() });
  const { perNetwork, perProcess } = config().eventStreams;
  const count = open.byNetwork.get(network) ?? 0;
  if (count >= perNetwork) {
    throw new AppError('rate_limited', `At most ${perNetwork} open event streams per client address; close one, or poll`, undefined, RETRY_AFTER_SECONDS);
  }
  if (open.total >= perProcess) {
    throw new AppError('not_ready', `This instance already holds its maximum of ${perProcess} open event streams; try again later, or poll`, undefined, RETRY_AFTER_SECONDS);
  }
  open.byNetwork.set(network, count + 1);
  open.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open.total--;
    const left = (open.byNetwork.get(network) ?? 1) - 1;
    if (left > 0) open.byNetwork.set(network, left);
    else open.byNetwork.delete(network);
  };
}
