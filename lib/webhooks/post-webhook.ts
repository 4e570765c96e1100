import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTarget } from './webhook-target';

const TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

/** One delivery attempt: POST the raw body to the pinned address, 10 s for everything, keep 1 KiB of the answer. */
export function postWebhook(target: WebhookTarget, rawBody: string, headers: Record<string, string>): Promise<PostResult> {
  const started = Date.now();
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Date.now() - started });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'KPay-Webhooks/1', 'Content-Length': Buffer.byteLength(rawBody), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          finish({
            statusCode: response.statusCode ?? null,
            error: null,
            responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
          }),
        );
        response.on('error', (e) => finish({ statusCode: response.statusCode ?? null, error: e.message, responseExcerpt: null }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, error: `timeout after ${TIMEOUT_MS} ms`, responseExcerpt: null });
    }, TIMEOUT_MS);
    request.on('error', (e) => finish({ statusCode: null, error: e.message, responseExcerpt: null }));
    request.end(rawBody);
  });
}
