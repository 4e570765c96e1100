import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  signature: string;
  eventId: string;
}

/**
 * A real HTTP server standing in for a merchant's webhook endpoint. `respond` decides each answer from the request
 * number (1-based); returning 'hang' never answers.
 */
export async function startWebhookReceiver(respond: (n: number) => number | 'hang' = () => 200) {
  const received: ReceivedWebhook[] = [];
  /** Who waits for how many requests: each is resolved by the request that makes its count, no polling. */
  const waiters = new Set<{ count: number; resolve: () => void }>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['kpay-signature']), eventId: String(req.headers['kpay-event-id']) });
      for (const waiter of waiters) if (received.length >= waiter.count) waiter.resolve();
      const answer = respond(received.length);
      if (answer === 'hang') return;
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Resolves as soon as at least `count` requests have arrived, or rejects after `ms`. */
    waitFor(count: number, ms = 30_000) {
      return new Promise<void>((resolve, reject) => {
        if (received.length >= count) return resolve();
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`receiver got ${received.length} of ${count} requests in ${ms} ms`));
        }, ms);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
