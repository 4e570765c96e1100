import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as cryptoPaymentEvents } from '@/app/api/gateway/payments/[id]/events/route';
import { GET as transactionEvents } from '@/app/api/transactions/check/[authority]/events/route';
import { database, resultRows } from '@/db/client';
import { cryptoPayments, transactions } from '@/db/schema';
import type { Chain, Network } from '@/lib/currencies/networks';
import { recordDeposit } from '@/lib/deposits/record-deposit';
import { recountConfirmations } from '@/lib/deposits/recount-confirmations';
import { settleCryptoPayment } from '@/lib/deposits/settle-crypto-payment';
import { apiClient } from '../api-client';
import { cardToCardMerchant, mellatDeposit, newCryptoPayment, newShop, registerMerchant, setExpiresAt } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

const testDatabase = setupTestDatabase();

/** One block of an event stream: a message (id, event, data), a comment, or the retry hint. */
interface Block {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const opened: EventStream[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

class EventStream {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  private constructor(
    response: Response,
    private readonly abort: AbortController,
  ) {
    this.reader = response.body!.getReader();
  }

  static async open(route: Route, path: string, params: Record<string, string>, headers: Record<string, string> = {}) {
    const abort = new AbortController();
    const request = new Request(`http://kpay.test/api${path}`, {
      headers: { 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}`, ...headers },
      signal: abort.signal,
    });
    const response = await route(request, { params: Promise.resolve(params) });
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return { response, stream: null };
    const stream = new EventStream(response, abort);
    opened.push(stream);
    return { response, stream };
  }

  /** The next block, or null once the stream ended; throws if none comes within `ms`. */
  async next(ms = 3_000): Promise<Block | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return parseBlock(text);
      }
      this.pending ??= this.reader.read();
      const left = deadline - Date.now();
      const result = await Promise.race([this.pending, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(left, 0)))]);
      if (result === 'timeout') throw new Error(`no event within ${ms} ms (have: ${JSON.stringify(this.buffer)})`);
      this.pending = null;
      if (result.done) return null;
      this.buffer += this.decoder.decode(result.value, { stream: true });
    }
  }

  /** The next message (comments and the retry hint skipped). */
  async nextMessage(ms = 3_000): Promise<Block | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const block = await this.next(Math.max(deadline - Date.now(), 1));
      if (block === null || block.event) return block;
    }
  }

  /** True if nothing but comments arrives within `ms`. */
  async quietFor(ms: number): Promise<boolean> {
    try {
      await this.nextMessage(ms);
      return false;
    } catch {
      return true;
    }
  }

  async close() {
    this.abort.abort();
    await this.reader.cancel().catch(() => {});
  }
}

function parseBlock(text: string): Block {
  const block: Block = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) block.comment = line.slice(1).trim();
    else {
      const colon = line.indexOf(':');
      const field = line.slice(0, colon) as keyof Block;
      block[field] = line.slice(colon + 1).replace(/^ /, '');
    }
  }
  return block;
}

const openTransaction = (authority: string, headers?: Record<string, string>) =>
  EventStream.open(transactionEvents, `/transactions/check/${authority}/events`, { authority }, headers);
const openCrypto = (id: string, headers?: Record<string, string>) => EventStream.open(cryptoPaymentEvents, `/gateway/payments/${id}/events`, { id }, headers);

describe('GET /transactions/check/{authority}/events', () => {
  it('opens with the retry hint and the current state, exactly the check answer, with stream headers', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const { response, stream } = await openTransaction(tx.authority);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(await stream!.next()).toEqual({ retry: '3000' });
    const first = (await stream!.next())!;
    const check = await apiClient()('GET', `/api/transactions/check/${tx.authority}`);
    expect(first).toMatchObject({ id: 'pending', event: 'status' });
    const data = JSON.parse(first.data!);
    expect(Object.keys(data)).toEqual(Object.keys(check.body));
    expect(data).toEqual({ ...check.body, remaining_seconds: expect.any(Number) });
    expect(Math.abs(data.remaining_seconds - check.body.remaining_seconds)).toBeLessThanOrEqual(1);
  });

  it('pushes paid within a second of a confirmation, then ends', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const { stream } = await openTransaction(tx.authority);
    expect((await stream!.nextMessage())!.id).toBe('pending');
    const start = Date.now();
    const confirmed = await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: m.shop.api_key });
    expect(confirmed.status).toBe(200);
    const paid = (await stream!.nextMessage(1_000))!;
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(paid).toMatchObject({ id: 'paid', event: 'status' });
    expect(JSON.parse(paid.data!)).toEqual({ authority: tx.authority, status: 'paid', is_paid: true, remaining_seconds: 0 });
    expect(await stream!.next()).toBeNull();
  });

  it('pushes paid within a second of the bank SMS that pays it, to every stream on the transaction', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const streams = await Promise.all([1, 2, 3].map(() => openTransaction(tx.authority)));
    for (const { stream } of streams) expect((await stream!.nextMessage())!.id).toBe('pending');
    const start = Date.now();
    const sms = await m.sms(mellatDeposit(tx.final_amount));
    expect(sms.body).toMatchObject({ match_status: 'matched', transaction_authority: tx.authority });
    for (const { stream } of streams) expect((await stream!.nextMessage(1_000))!.id).toBe('paid');
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('pushes expired at expires_at, before any sweep stores it, and a late payment after it', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const expiresAt = new Date(Date.now() + 1_500);
    await setExpiresAt(tx.authority, expiresAt);
    const { stream } = await openTransaction(tx.authority);
    expect((await stream!.nextMessage())!.id).toBe('pending');
    const expired = (await stream!.nextMessage(3_000))!;
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(Date.now() - expiresAt.getTime()).toBeLessThan(1_000);
    expect(expired).toMatchObject({ id: 'expired', event: 'status' });
    expect(JSON.parse(expired.data!)).toMatchObject({ status: 'expired', is_paid: false, remaining_seconds: 0 });
    const db = await database();
    const [row] = await db.select({ status: transactions.status }).from(transactions).where(eq(transactions.id, tx.id));
    expect(row!.status).toBe('pending');
    // Expired is not the end: the merchant may still confirm money that arrived late.
    expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: m.shop.api_key })).status).toBe(200);
    expect((await stream!.nextMessage(1_000))!.id).toBe('paid');
    expect(await stream!.next()).toBeNull();
  });

  it('sends nothing while the Last-Event-ID is current, then the next change; a final one answers 204', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const { response, stream } = await openTransaction(tx.authority, { 'last-event-id': 'pending' });
    expect(response.status).toBe(200);
    expect(await stream!.next()).toEqual({ retry: '3000' });
    expect(await stream!.quietFor(500)).toBe(true);
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: m.shop.api_key });
    expect((await stream!.nextMessage(1_000))!.id).toBe('paid');

    // A client that reconnects holding the final state is told nothing more will come.
    const again = await openTransaction(tx.authority, { 'last-event-id': 'paid' });
    expect(again.response.status).toBe(204);
    // An outdated id gets the current state.
    const outdated = await openTransaction(tx.authority, { 'last-event-id': 'pending' });
    expect((await outdated.stream!.nextMessage())!.id).toBe('paid');
  });

  it('keeps an idle stream alive with comments every KPAY_EVENT_STREAM_KEEPALIVE_SECONDS', async () => {
    reconfigure({ KPAY_EVENT_STREAM_KEEPALIVE_SECONDS: '1' });
    try {
      const m = await cardToCardMerchant();
      const tx = await m.create();
      const { stream } = await openTransaction(tx.authority);
      await stream!.nextMessage();
      const start = Date.now();
      expect(await stream!.next(1_500)).toEqual({ comment: 'keep-alive' });
      expect(await stream!.next(1_500)).toEqual({ comment: 'keep-alive' });
      expect(Date.now() - start).toBeGreaterThanOrEqual(1_500);
    } finally {
      reconfigure({ KPAY_EVENT_STREAM_KEEPALIVE_SECONDS: undefined });
    }
  });

  it('answers 429 past KPAY_EVENT_STREAMS_PER_IP open streams of one client network, and frees places as streams end', async () => {
    reconfigure({ KPAY_EVENT_STREAMS_PER_IP: '3' });
    try {
      const m = await cardToCardMerchant();
      const tx = await m.create();
      // Addresses of one IPv6 /64 are one subscriber line: one network.
      const from = (n: number) => ({ 'x-forwarded-for': `2001:db8:77:1::${n}` });
      const streams = [];
      for (const n of [1, 2, 3]) {
        const { response, stream } = await openTransaction(tx.authority, from(n));
        expect(response.status).toBe(200);
        streams.push(stream!);
      }
      const refused = await openTransaction(tx.authority, from(4));
      expect(refused.response.status).toBe(429);
      expect(refused.response.headers.get('retry-after')).toEqual(expect.stringMatching(/^\d+$/));
      expect(await refused.response.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('3') } });
      // Another network is not affected.
      expect((await openTransaction(tx.authority, { 'x-forwarded-for': '2001:db8:77:2::1' })).response.status).toBe(200);
      // The crypto page's streams count against the same places.
      expect((await openCrypto(crypto.randomUUID(), from(5))).response.status).toBe(429);

      await streams[0]!.close();
      const after = await openTransaction(tx.authority, from(6));
      expect(after.response.status).toBe(200);
    } finally {
      reconfigure({ KPAY_EVENT_STREAMS_PER_IP: undefined });
    }
  });

  it('answers 503 past KPAY_EVENT_STREAMS_MAX open streams of the instance, whatever the network, and frees places as streams end', async () => {
    reconfigure({ KPAY_EVENT_STREAMS_MAX: '2' });
    try {
      const m = await cardToCardMerchant();
      const tx = await m.create();
      const from = (n: number) => ({ 'x-forwarded-for': `192.0.2.${n}` });
      const first = await openTransaction(tx.authority, from(1));
      expect(first.response.status).toBe(200);
      expect((await openTransaction(tx.authority, from(2))).response.status).toBe(200);
      const refused = await openTransaction(tx.authority, from(3));
      expect(refused.response.status).toBe(503);
      expect(refused.response.headers.get('content-type')).toContain('application/json');
      expect(refused.response.headers.get('retry-after')).toEqual(expect.stringMatching(/^\d+$/));
      expect(await refused.response.json()).toEqual({ error: { code: 'not_ready', message: expect.stringContaining('2') } });
      expect((await openCrypto(crypto.randomUUID(), from(4))).response.status).toBe(503);

      await first.stream!.close();
      expect((await openTransaction(tx.authority, from(5))).response.status).toBe(200);
    } finally {
      reconfigure({ KPAY_EVENT_STREAMS_MAX: undefined });
    }
  });

  it('ends a stream after KPAY_EVENT_STREAM_MAX_AGE_SECONDS, freeing its place; the reconnection goes on from its Last-Event-ID', async () => {
    reconfigure({ KPAY_EVENT_STREAM_MAX_AGE_SECONDS: '1', KPAY_EVENT_STREAMS_PER_IP: '1' });
    try {
      const m = await cardToCardMerchant();
      const tx = await m.create();
      const from = { 'x-forwarded-for': '198.51.100.77' };
      const start = Date.now();
      const { stream } = await openTransaction(tx.authority, from);
      expect((await stream!.nextMessage())!.id).toBe('pending');
      expect(await stream!.nextMessage(2_000)).toBeNull();
      expect(Date.now() - start).toBeGreaterThanOrEqual(900);

      const again = await openTransaction(tx.authority, { ...from, 'last-event-id': 'pending' });
      expect(again.response.status).toBe(200);
      expect(await again.stream!.quietFor(300)).toBe(true);
      await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: m.shop.api_key });
      expect((await again.stream!.nextMessage(1_000))!.id).toBe('paid');
    } finally {
      reconfigure({ KPAY_EVENT_STREAM_MAX_AGE_SECONDS: undefined, KPAY_EVENT_STREAMS_PER_IP: undefined });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('after its LISTEN connection was killed, pushes what changed meanwhile and what changes later (PostgreSQL)', async () => {
    const m = await cardToCardMerchant();
    const [a, b] = [await m.create(), await m.create()];
    const streams = await Promise.all([a, b].map(async (tx) => (await openTransaction(tx.authority)).stream!));
    for (const stream of streams) expect((await stream.nextMessage())!.id).toBe('pending');
    const db = await database();
    const listeners = async () =>
      resultRows<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen %'`)).map((r) => r.pid);
    const [killed] = await listeners();
    expect(killed).toEqual(expect.any(Number));
    const name = new URL(testDatabase.url()!).pathname.slice(1);

    // The killed connection cannot come back while the database refuses new ones (the pool's open ones still work):
    // the payment's notification reaches nobody. A database is closed to connections from another one.
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`alter database "${name}" allow_connections false`);
    try {
      await db.execute(sql`select pg_terminate_backend(${killed})`);
      await vi.waitFor(async () => expect(await listeners()).toEqual([]));
      expect((await m.call('POST', `/api/transactions/${a.id}/confirm`, { apiKey: m.shop.api_key })).status).toBe(200);
      expect(await streams[0]!.quietFor(300)).toBe(true);
    } finally {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await admin.end();
    }
    // Listening again, the hub reads what it follows: the payment made meanwhile arrives.
    expect((await streams[0]!.nextMessage(5_000))!.id).toBe('paid');
    // And a payment after it is notified as ever.
    await vi.waitFor(async () => expect(await listeners()).toEqual([expect.any(Number)]));
    expect((await m.call('POST', `/api/transactions/${b.id}/confirm`, { apiKey: m.shop.api_key })).status).toBe(200);
    expect((await streams[1]!.nextMessage(1_000))!.id).toBe('paid');
  });

  it('answers an unknown or malformed authority with the JSON 404 before any stream, holding no place', async () => {
    reconfigure({ KPAY_EVENT_STREAMS_PER_IP: '1' });
    try {
      const from = { 'x-forwarded-for': '198.51.100.200' };
      for (const authority of ['A'.repeat(24), 'x'.repeat(500), '%00']) {
        const { response } = await openTransaction(authority, from);
        expect(response.status, authority).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      }
      for (const id of [crypto.randomUUID(), 'not-a-uuid']) {
        const { response } = await openCrypto(id, from);
        expect(response.status, id).toBe(404);
        expect((await response.json()).error.code).toBe('not_found');
      }
    } finally {
      reconfigure({ KPAY_EVENT_STREAMS_PER_IP: undefined });
    }
  });
});

describe('GET /gateway/payments/{id}/events', () => {
  it('opens with the public status, then pushes the deposit, each confirmation and completed within a second', async () => {
    const merchant = await registerMerchant();
    const shop = await newShop(merchant);
    const payment = await newCryptoPayment(merchant, shop, { currency: 'ltc', amount_crypto: '0.05' });
    const publicStatus = async () => (await apiClient()('GET', `/api/gateway/payments/${payment.id}`)).body;

    const { response, stream } = await openCrypto(payment.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const first = (await stream!.nextMessage())!;
    expect(first.event).toBe('status');
    expect(JSON.parse(first.data!)).toEqual(await publicStatus());
    expect(JSON.parse(first.data!).status).toBe('created');

    const db = await database();
    const [row] = await db.select().from(cryptoPayments).where(eq(cryptoPayments.id, payment.id));
    const place = { network: row!.network as Network, chain: row!.chain as Chain };
    const transfer = { txHash: 'ab'.repeat(32), outputIndex: 0, to: row!.depositAddress, currency: row!.currency, amount: row!.requestedAmount };

    // The watcher's own steps, without a chain: the deposit seen in the mempool...
    let start = Date.now();
    await db.transaction(async (tx) => {
      await recordDeposit(tx, transfer, { ...place, block: null });
      await settleCryptoPayment(tx, payment.id);
    });
    const seen = (await stream!.nextMessage(1_000))!;
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(seen.id).not.toBe(first.id);
    expect(JSON.parse(seen.data!)).toEqual(await publicStatus());
    expect(JSON.parse(seen.data!)).toMatchObject({ status: 'pending', received_amount: '0.05000000', confirmations: 0 });

    // ...then mined, and confirmed block by block.
    const hash = (n: number) => n.toString(16).padStart(64, '0');
    start = Date.now();
    await db.transaction(async (tx) => {
      await recordDeposit(tx, transfer, { ...place, block: { height: 100, hash: hash(100) } });
      await recountConfirmations(tx, place.network, place.chain, 100);
      await settleCryptoPayment(tx, payment.id);
    });
    const mined = (await stream!.nextMessage(1_000))!;
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(JSON.parse(mined.data!)).toEqual(await publicStatus());
    expect(JSON.parse(mined.data!)).toMatchObject({ confirmations: 1 });

    for (let tip = 101; tip < 100 + row!.requiredConfirmations; tip++) {
      start = Date.now();
      await db.transaction(async (tx) => {
        await recountConfirmations(tx, place.network, place.chain, tip);
        await settleCryptoPayment(tx, payment.id);
      });
      const next = JSON.parse((await stream!.nextMessage(1_000))!.data!);
      expect(Date.now() - start).toBeLessThan(1_000);
      expect(next).toEqual(await publicStatus());
      expect(next.confirmations).toBe(tip - 99);
    }
    expect((await publicStatus()).status).toBe('completed');
    expect(await stream!.next()).toBeNull();
  });

  it('pushes to a stream opened with the id in upper case too (the trigger notifies it in lower case)', async () => {
    const merchant = await registerMerchant();
    const shop = await newShop(merchant);
    const payment = await newCryptoPayment(merchant, shop);
    const { stream } = await openCrypto(payment.id.toUpperCase());
    const first = JSON.parse((await stream!.nextMessage())!.data!);
    expect(first.id).toBe(payment.id);
    const later = new Date(Date.parse(first.expires_at) + 10 * 60_000);
    await (await database()).update(cryptoPayments).set({ expiresAt: later }).where(eq(cryptoPayments.id, payment.id));
    const pushed = JSON.parse((await stream!.nextMessage(1_000))!.data!);
    expect(Date.parse(pushed.expires_at)).toBe(later.getTime());
    await stream!.close();
  });

  it('pushes expired at expires_at, before the sweep stores it', async () => {
    const merchant = await registerMerchant();
    const shop = await newShop(merchant);
    const payment = await newCryptoPayment(merchant, shop);
    const db = await database();
    const expiresAt = new Date(Date.now() + 1_500);
    await db.update(cryptoPayments).set({ expiresAt }).where(eq(cryptoPayments.id, payment.id));
    const { stream } = await openCrypto(payment.id);
    expect(JSON.parse((await stream!.nextMessage())!.data!).status).toBe('created');
    const expired = JSON.parse((await stream!.nextMessage(3_000))!.data!);
    expect(Date.now() - expiresAt.getTime()).toBeLessThan(1_000);
    expect(expired.status).toBe('expired');
    const [row] = await db.select({ status: cryptoPayments.status }).from(cryptoPayments).where(eq(cryptoPayments.id, payment.id));
    expect(row!.status).toBe('created');
  });
});
