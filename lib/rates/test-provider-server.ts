import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support (imported only by lib/rates tests): a real HTTP server on 127.0.0.1, port 0, standing in for a rate
 * provider. Each request takes the next queued reply; every request is recorded with its path and headers.
 */
export interface Reply {
  status?: number;
  /** Sent as is: recorded provider answers are strings, so their numbers reach the client digit for digit. */
  body?: string;
  /** Never answer: the client's timeout has to end it. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface ProviderServer {
  url: string;
  requests: RecordedRequest[];
  /** Queue replies for the next requests, in order; a request with none queued gets a 599 and fails its test. */
  reply(...replies: Reply[]): void;
  /** Forget requests and queued replies between tests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startProviderServer(): Promise<ProviderServer> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const next = queue.shift() ?? { status: 599, body: '{"error":"no reply queued"}' };
    if (next.hang) return; // the socket stays open until the client gives up
    res.writeHead(next.status ?? 200, { 'content-type': 'application/json' });
    res.end(next.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
