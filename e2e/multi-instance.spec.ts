import { type APIRequestContext, expect, request as requestContext, test } from '@playwright/test';
import { startWebhookReceiver } from '../test/webhook-receiver';
import { MultiInstanceDeployment } from './multi-instance-processes';
import { createTransaction, PASSWORD, registerMerchant, RETRY, seedShopAndCard } from './seed';

// Two app instances (A runs jobs too, B serves requests only) and a worker on one PostgreSQL database, started for
// this file alone (e2e/multi-instance-processes.ts) and stopped after it. What one process does, the others see.

const deployment = new MultiInstanceDeployment();
let a: APIRequestContext;
let b: APIRequestContext;
test.beforeAll(async () => {
  // A fresh database, two servers and a worker: as long as the webServers they used to be were given (120 s each).
  test.setTimeout(180_000);
  await deployment.start();
  a = await requestContext.newContext({ baseURL: deployment.urlA });
  b = await requestContext.newContext({ baseURL: deployment.urlB });
});
// The processes log to files, not to this run's output: a failed test's report carries their last lines.
test.afterEach(async () => {
  const info = test.info();
  if (info.status === info.expectedStatus) return;
  for (const [label, tail] of deployment.logTails()) await info.attach(`${label} log`, { body: tail, contentType: 'text/plain' });
});
// Runs even when beforeAll failed or timed out (the contexts may not exist then): stops whatever had started, and
// drops the database.
test.afterAll(async () => {
  test.setTimeout(60_000);
  try {
    await a?.dispose();
    await b?.dispose();
  } finally {
    await deployment.stop();
  }
});

test('a login limit holds across instances: three wrong passwords spread over both, and both refuse', async () => {
  // The instances run with KPAY_LOGIN_MAX_FAILURES=3. Counted per process, A would have seen two failures and B one.
  const { mobile } = await registerMerchant(a, 'Limits Merchant');
  const login = (on: APIRequestContext, password: string) => on.post('/api/auth/login', { ...RETRY, data: { username: mobile, password } });
  for (const on of [a, b, a]) expect((await login(on, 'wrong-password')).status()).toBe(401);
  const refused = await login(b, 'wrong-password');
  expect(refused.status()).toBe(429);
  expect((await refused.json()).error.code).toBe('rate_limited');
  expect((await login(a, PASSWORD)).status()).toBe(429);
});

test('a status change committed through instance A is pushed to a buyer connected to instance B within a second', async () => {
  const merchant = await registerMerchant(a, 'Push Merchant');
  const shop = await seedShopAndCard(a, merchant);
  const transaction = await createTransaction(b, shop, 250_000);

  const stream = await openEventStream(`${deployment.urlB}/api/transactions/check/${transaction.authority}/events`);
  try {
    const first = await stream.next();
    expect(first).toMatchObject({ event: 'status', data: { authority: transaction.authority, status: 'pending', is_paid: false } });

    const confirmed = await a.post(`/api/transactions/${transaction.id}/confirm`, { ...RETRY, headers: shop.key });
    expect(confirmed.status()).toBe(200);
    const committedAt = performance.now();
    const pushed = await stream.next();
    const delayMs = performance.now() - committedAt;
    expect(pushed).toMatchObject({ event: 'status', data: { status: 'paid', is_paid: true } });
    expect(pushed.id).not.toBe(first.id);
    expect(delayMs).toBeLessThan(1_000);
  } finally {
    stream.close();
  }
});

test('a payment confirmed on instance B, which runs no jobs, is delivered to the webhook once, by another process', async () => {
  const receiver = await startWebhookReceiver();
  try {
    const merchant = await registerMerchant(b, 'Webhook Merchant');
    const shop = await seedShopAndCard(b, merchant);
    const hook = await b.post(`/api/shops/${shop.shop.id}/webhooks`, {
      ...RETRY,
      headers: merchant.bearer,
      data: { url: receiver.url, events: ['transaction.paid'] },
    });
    expect(hook.status(), await hook.text()).toBe(201);
    const transaction = await createTransaction(b, shop, 310_000);
    expect((await b.post(`/api/transactions/${transaction.id}/confirm`, { ...RETRY, headers: shop.key })).status()).toBe(200);

    await receiver.waitFor(1, 30_000);
    const [delivery] = receiver.received;
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'transaction.paid', data: { authority: transaction.authority } });
    expect(delivery!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // Instance A and the worker both run the delivery job: give a second delivery time to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.received).toHaveLength(1);

    const deliveries = await a.get('/api/webhooks/deliveries', { ...RETRY, headers: merchant.bearer });
    expect((await deliveries.json()).deliveries).toEqual([expect.objectContaining({ event_id: delivery!.eventId, status: 'succeeded' })]);
  } finally {
    await receiver.close();
  }
});

interface ServerSentEvent {
  id?: string;
  event?: string;
  data: Record<string, unknown>;
}

/** A text/event-stream read with fetch: `next()` answers the next message (keep-alive comments skipped). */
async function openEventStream(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return {
    async next(timeoutMs = 10_000): Promise<ServerSentEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const message = parseMessage(block);
          if (message) return message;
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event from ${url} within ${timeoutMs} ms`);
        const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event from ${url} within ${timeoutMs} ms`)), left))]);
        if (chunk.done) throw new Error(`${url} closed its stream`);
        buffered += chunk.value;
      }
    },
    close: () => abort.abort(),
  };
}

function parseMessage(block: string): ServerSentEvent | null {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || !line.includes(':')) continue;
    const [name, ...rest] = line.split(':');
    fields[name!] = (fields[name!] ? `${fields[name!]}\n` : '') + rest.join(':').replace(/^ /, '');
  }
  if (fields.data === undefined) return null;
  return { id: fields.id, event: fields.event, data: JSON.parse(fields.data) as Record<string, unknown> };
}
