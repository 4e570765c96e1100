import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { database } from '@/db/client';
import { transactions } from '@/db/schema';
import { startJobs } from '@/lib/jobs/start-jobs';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';
import { verifyWebhookSignature } from '@/lib/webhooks/sign-webhook';
import { registerMerchant } from '../api-client';
import { setupTestDatabase } from '../test-database';
import { startWebhookReceiver } from '../webhook-receiver';

setupTestDatabase();

const receivers: { close: () => Promise<void> }[] = [];
afterAll(() => Promise.all(receivers.map((r) => r.close())));

async function receiver(respond?: (n: number) => number | 'hang') {
  const r = await startWebhookReceiver(respond);
  receivers.push(r);
  return r;
}

async function shopWithWebhook(url: string, events?: string[]) {
  const m = await registerMerchant();
  const shop = (await m.call('POST', '/api/shops', { token: m.access_token, body: { name: 'Hooked' } })).body;
  const card = (await m.call('POST', '/api/cards', { token: m.access_token, body: { card_number: '6104331234567890', owner_name: 'A B' } })).body;
  const hook = await m.call('POST', `/api/shops/${shop.id}/webhooks`, { token: m.access_token, body: { url, events } });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  const create = async (amount = 100_000) =>
    (await m.call('POST', '/api/transactions/create', {
      apiKey: shop.api_key,
      body: { shop_id: shop.id, card_id: card.id, amount, callback_url: 'https://shop.example/cb' },
    })).body;
  return { ...m, shop, card, hook: hook.body, create };
}

/** Runs the delivery job until none of this merchant's deliveries is pending, waiting out retry delays. */
async function deliverUntilSettled(userToken: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  const db = await database();
  for (;;) {
    await deliverDueWebhooks();
    const userId = JSON.parse(Buffer.from(userToken.split('.')[1]!, 'base64url').toString()).sub as string;
    const pending = await db.query.webhookDeliveries.findMany({ where: (d, { and, eq }) => and(eq(d.status, 'pending'), eq(d.userId, userId)) });
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error('deliveries still pending');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('webhook endpoints', () => {
  it('are managed per shop: secret shown once, rotate, update, delete; 404 across merchants', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    expect(m.hook).toMatchObject({ shop_id: m.shop.id, url: r.url, is_active: true, events: ['transaction.paid', 'transaction.verified', 'transaction.expired', 'transaction.cancelled'] });
    expect(m.hook.secret).toMatch(/^whsec_/);
    expect(m.hook.secret_hint).toBe(`whsec_…${m.hook.secret.slice(-4)}`);
    const base = `/api/shops/${m.shop.id}/webhooks`;
    const list = await m.call('GET', base, { token: m.access_token });
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(m.hook.secret);

    const rotated = await m.call('POST', `${base}/${m.hook.id}/rotate-secret`, { token: m.access_token });
    expect(rotated.body.secret).not.toBe(m.hook.secret);
    const patched = await m.call('PATCH', `${base}/${m.hook.id}`, { token: m.access_token, body: { events: ['transaction.paid'], is_active: false } });
    expect(patched.body).toMatchObject({ events: ['transaction.paid'], is_active: false });

    const other = await registerMerchant();
    expect((await other.call('GET', base, { token: other.access_token })).status).toBe(404);
    expect((await other.call('POST', base, { token: other.access_token, body: { url: r.url } })).status).toBe(404);
    expect((await other.call('PATCH', `${base}/${m.hook.id}`, { token: other.access_token, body: { is_active: true } })).status).toBe(404);
    expect((await other.call('DELETE', `${base}/${m.hook.id}`, { token: other.access_token })).status).toBe(404);
    expect((await m.call('DELETE', `${base}/${m.hook.id}`, { token: m.access_token })).status).toBe(204);
    expect((await m.call('GET', base, { token: m.access_token })).body.total).toBe(0);
  });

  it('refuses non-http schemes', async () => {
    const m = await registerMerchant();
    const shop = (await m.call('POST', '/api/shops', { token: m.access_token, body: { name: 'S' } })).body;
    for (const url of ['ftp://example.com/hook', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_x', 'not a url', 'http://user:pw@example.com/']) {
      const res = await m.call('POST', `/api/shops/${shop.id}/webhooks`, { token: m.access_token, body: { url } });
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields).toHaveProperty('url');
    }
  });
});

describe('webhook delivery', () => {
  it('retries a failing receiver and delivers on the third attempt, logging every attempt', async () => {
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    await deliverUntilSettled(m.access_token);

    expect(r.received).toHaveLength(3);
    const [delivery] = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries;
    expect(delivery).toMatchObject({ event_type: 'transaction.paid', status: 'succeeded', attempt_count: 3, last_status_code: 200 });
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]).toMatchObject({ response_excerpt: 'nope', error: null });
    expect(delivery.attempts.every((a: { duration_ms: number }) => a.duration_ms >= 0)).toBe(true);

    // What arrived is signed, and is the transaction as the API shows it.
    const last = r.received[2]!;
    expect(verifyWebhookSignature(m.hook.secret, last.body, last.signature)).toBe(true);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ id: last.eventId, type: 'transaction.paid', data: { id: tx.id, authority: tx.authority, status: 'paid' } });
    expect(new Date(body.created_at).toISOString()).toBe(body.created_at);
    expect(r.received.every((x) => x.eventId === last.eventId)).toBe(true);
  });

  it('does not retry other 4xx answers, and redelivers on request', async () => {
    const r = await receiver((n) => (n === 1 ? 400 : 200));
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/cancel`, { token: m.access_token });
    await deliverUntilSettled(m.access_token);
    const failed = (await m.call('GET', '/api/webhooks/deliveries?status=failed', { token: m.access_token })).body;
    expect(failed.deliveries).toHaveLength(1);
    expect(failed.deliveries[0]).toMatchObject({ event_type: 'transaction.cancelled', attempt_count: 1, last_status_code: 400 });

    const other = await registerMerchant();
    expect((await other.call('POST', `/api/webhooks/deliveries/${failed.deliveries[0].id}/redeliver`, { token: other.access_token })).status).toBe(404);
    const again = await m.call('POST', `/api/webhooks/deliveries/${failed.deliveries[0].id}/redeliver`, { token: m.access_token });
    expect(again.body.status).toBe('pending');
    await deliverUntilSettled(m.access_token);
    const done = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries[0];
    expect(done).toMatchObject({ status: 'succeeded', attempt_count: 2 });
    expect(done.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([400, 200]);
    expect((await other.call('GET', '/api/webhooks/deliveries', { token: other.access_token })).body.total).toBe(0);
  });

  it('retries 408, 429 and network errors', async () => {
    const r = await receiver((n) => [408, 429, 200][n - 1] ?? 200);
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    await deliverUntilSettled(m.access_token);
    expect(r.received).toHaveLength(3);

    const dead = await receiver();
    const n = await shopWithWebhook(dead.url);
    await dead.close();
    const tx2 = await n.create();
    await n.call('POST', `/api/transactions/${tx2.id}/confirm`, { token: n.access_token });
    await deliverDueWebhooks();
    const d = (await n.call('GET', '/api/webhooks/deliveries', { token: n.access_token })).body.deliveries[0];
    expect(d).toMatchObject({ status: 'pending', attempt_count: 1, last_status_code: null });
    expect(d.attempts[0].error).toMatch(/ECONNREFUSED/);
  });

  it('checks the target again at delivery time: a private address is refused once the guard is on', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url); // saved while private targets were allowed
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    const CONFIG = Symbol.for('kpay.config');
    vi.stubEnv('KPAY_ALLOW_PRIVATE_WEBHOOKS', '0');
    delete (globalThis as Record<symbol, unknown>)[CONFIG];
    try {
      await deliverDueWebhooks();
    } finally {
      vi.unstubAllEnvs();
      delete (globalThis as Record<symbol, unknown>)[CONFIG];
    }
    expect(r.received).toHaveLength(0);
    const d = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries[0];
    expect(d).toMatchObject({ status: 'pending', attempt_count: 1, last_status_code: null });
    expect(d.attempts[0].error).toMatch(/public address/);
  });

  it('sends only subscribed events', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url, ['transaction.verified']);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: tx.authority, amount: tx.amount } });
    await deliverUntilSettled(m.access_token);
    expect(r.received.map((x) => JSON.parse(x.body).type)).toEqual(['transaction.verified']);
  });

  it('the expiry sweep persists due transactions as expired and emits their events', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    const db = await database();
    await db.update(transactions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(transactions.id, tx.id));
    const expired = await db.transaction((t) => expireDueTransactions(t));
    expect(expired).toContain(tx.id);
    const [row] = await db.select().from(transactions).where(eq(transactions.id, tx.id));
    expect(row!.status).toBe('expired');
    await deliverUntilSettled(m.access_token);
    expect(JSON.parse(r.received[0]!.body)).toMatchObject({ type: 'transaction.expired', data: { id: tx.id, status: 'expired' } });
    expect(await db.transaction((t) => expireDueTransactions(t))).not.toContain(tx.id);
  });

  it('in-process jobs deliver by themselves on this database', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    const jobs = await startJobs();
    try {
      const tx = await m.create();
      await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
      await r.waitFor(1, 20_000);
      expect(JSON.parse(r.received[0]!.body)).toMatchObject({ type: 'transaction.paid', data: { id: tx.id } });
    } finally {
      await jobs.stop();
    }
  });
});
