import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { database } from '@/db/client';
import { transactions, webhookEvents } from '@/db/schema';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/webhook-event-types';
import { startJobs } from '@/lib/jobs/start-jobs';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { verifyWebhookSignature } from '@/lib/webhooks/sign-webhook';
import { newCard, newShop, newTransaction, newWebhook, registerMerchant } from '../fixtures';
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

/** A merchant with a shop, a card and a webhook endpoint on the shop for `events` (every event unless told). */
async function shopWithWebhook(url: string, events?: string[]) {
  const m = await registerMerchant();
  const shop = await newShop(m, { name: 'Hooked' });
  const card = await newCard(m);
  const hook = await newWebhook(m, shop, { url, events });
  const create = (amount = 100_000) => newTransaction(m, { shop, card, amount });
  return { ...m, shop, card, hook, create };
}

/**
 * Runs the delivery job until none of this merchant's deliveries is pending. A failed attempt is retried once its
 * next_attempt_at has come (a second or more later: KPAY_WEBHOOK_RETRY_BASE_SECONDS=1), so the job runs again until
 * that condition holds, not after a fixed pause.
 */
async function deliverUntilSettled(m: { userId: string }, ms = 20_000) {
  const db = await database();
  await vi.waitFor(
    async () => {
      await deliverDueWebhooks();
      const pending = await db.query.webhookDeliveries.findMany({ where: (d, { and, eq }) => and(eq(d.status, 'pending'), eq(d.userId, m.userId)) });
      expect(pending, 'deliveries still pending').toEqual([]);
    },
    { timeout: ms, interval: 100 },
  );
}

describe('webhook endpoints', () => {
  it('are managed per shop: secret shown once, rotate, update, delete; 404 across merchants', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    expect(m.hook).toMatchObject({ shop_id: m.shop.id, url: r.url, is_active: true, events: [...WEBHOOK_EVENT_TYPES] });
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
    const shop = await newShop(m, { name: 'S' });
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
    await deliverUntilSettled(m);

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
    await deliverUntilSettled(m);
    const failed = (await m.call('GET', '/api/webhooks/deliveries?status=failed', { token: m.access_token })).body;
    expect(failed.deliveries).toHaveLength(1);
    expect(failed.deliveries[0]).toMatchObject({ event_type: 'transaction.cancelled', attempt_count: 1, last_status_code: 400 });

    const other = await registerMerchant();
    expect((await other.call('POST', `/api/webhooks/deliveries/${failed.deliveries[0].id}/redeliver`, { token: other.access_token })).status).toBe(404);
    const again = await m.call('POST', `/api/webhooks/deliveries/${failed.deliveries[0].id}/redeliver`, { token: m.access_token });
    expect(again.body.status).toBe('pending');
    await deliverUntilSettled(m);
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
    await deliverUntilSettled(m);
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
    await deliverUntilSettled(m);
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
    await deliverUntilSettled(m);
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

/** Turns the private-address guard on (as in production) for the duration of `run`. */
async function withPrivateTargetsRefused<T>(run: () => Promise<T>): Promise<T> {
  const CONFIG = Symbol.for('kpay.config');
  vi.stubEnv('KPAY_ALLOW_PRIVATE_WEBHOOKS', '0');
  delete (globalThis as Record<symbol, unknown>)[CONFIG];
  try {
    return await run();
  } finally {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[CONFIG];
  }
}

describe('endpoints are honoured at delivery time', () => {
  it('an attempt goes to the endpoint\'s current URL, edited after the event was queued', async () => {
    const before = await receiver();
    const after = await receiver();
    const m = await shopWithWebhook(before.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    const edit = await m.call('PATCH', `/api/shops/${m.shop.id}/webhooks/${m.hook.id}`, { token: m.access_token, body: { url: after.url } });
    expect(edit.status).toBe(200);
    await deliverUntilSettled(m);

    expect(before.received).toHaveLength(0);
    expect(after.received).toHaveLength(1);
    expect(verifyWebhookSignature(m.hook.secret, after.received[0]!.body, after.received[0]!.signature)).toBe(true);
    const [delivery] = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries;
    expect(delivery).toMatchObject({ webhook_id: m.hook.id, url: after.url, status: 'succeeded', attempt_count: 1 });
  });

  it('a disabled endpoint\'s delivery is not attempted and fails with the reason; redelivery is 409 until it is enabled', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    const hook = `/api/shops/${m.shop.id}/webhooks/${m.hook.id}`;
    await m.call('PATCH', hook, { token: m.access_token, body: { is_active: false } });
    await deliverUntilSettled(m);

    expect(r.received).toHaveLength(0);
    const [stopped] = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries;
    expect(stopped).toMatchObject({ status: 'failed', attempt_count: 0, attempts: [], next_attempt_at: null, last_status_code: null });
    expect(stopped.last_error).toMatch(/endpoint is disabled/);

    const refused = await m.call('POST', `/api/webhooks/deliveries/${stopped.id}/redeliver`, { token: m.access_token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'invalid_state', message: expect.stringMatching(/disabled/) });

    await m.call('PATCH', hook, { token: m.access_token, body: { is_active: true } });
    expect((await m.call('POST', `/api/webhooks/deliveries/${stopped.id}/redeliver`, { token: m.access_token })).body.status).toBe('pending');
    await deliverUntilSettled(m);
    expect(r.received).toHaveLength(1);
    const [sent] = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries;
    expect(sent).toMatchObject({ status: 'succeeded', attempt_count: 1, last_status_code: 200, last_error: null });
  });

  it('a delivery that is being retried stops once its endpoint is disabled', async () => {
    const r = await receiver(() => 503);
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    await deliverDueWebhooks();
    expect(r.received).toHaveLength(1);
    await m.call('PATCH', `/api/shops/${m.shop.id}/webhooks/${m.hook.id}`, { token: m.access_token, body: { is_active: false } });
    await deliverUntilSettled(m);
    expect(r.received).toHaveLength(1);
    const [delivery] = (await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.deliveries;
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 1, last_error: expect.stringMatching(/disabled/) });
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503]);
  });

  it('deleting an endpoint takes its queued deliveries and their log with it: nothing is sent', async () => {
    const r = await receiver();
    const m = await shopWithWebhook(r.url);
    const tx = await m.create();
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    expect((await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.total).toBe(1);
    await m.call('DELETE', `/api/shops/${m.shop.id}/webhooks/${m.hook.id}`, { token: m.access_token });
    await deliverUntilSettled(m);
    expect(r.received).toHaveLength(0);
    expect((await m.call('GET', '/api/webhooks/deliveries', { token: m.access_token })).body.total).toBe(0);
  });
});

describe('deliveries with their own URL', () => {
  it('are sent beside the endpoints, signed with the shop secret the merchant reads; listed, redelivered, re-signed after rotation', async () => {
    const own = await receiver();
    const endpoint = await receiver();
    const m = await shopWithWebhook(endpoint.url);
    const { userId } = m;
    const db = await database();
    const eventId = await db.transaction((tx) =>
      emitWebhookEvent(tx, { userId, shopId: m.shop.id, type: 'transaction.paid', object: { id: 'pay_1' }, url: own.url }),
    );
    await deliverUntilSettled(m);

    expect(endpoint.received).toHaveLength(1);
    expect(own.received).toHaveLength(1);
    const secret = await m.call('GET', `/api/shops/${m.shop.id}/webhook-secret`, { token: m.access_token });
    expect(secret.status).toBe(200);
    expect(secret.body.secret).toMatch(/^whsec_/);
    expect(secret.body.secret_hint).toBe(`whsec_…${secret.body.secret.slice(-4)}`);
    const first = own.received[0]!;
    expect(first.eventId).toBe(eventId);
    expect(JSON.parse(first.body)).toMatchObject({ id: eventId, type: 'transaction.paid', data: { id: 'pay_1' } });
    expect(verifyWebhookSignature(secret.body.secret, first.body, first.signature)).toBe(true);
    expect(verifyWebhookSignature(m.hook.secret, first.body, first.signature)).toBe(false);

    const list = (await m.call('GET', `/api/webhooks/deliveries?shop_id=${m.shop.id}`, { token: m.access_token })).body;
    expect(list.total).toBe(2);
    const delivery = list.deliveries.find((d: { webhook_id: string | null }) => d.webhook_id === null);
    expect(delivery).toMatchObject({ event_id: eventId, url: own.url, status: 'succeeded', attempt_count: 1, last_status_code: 200 });

    const again = await m.call('POST', `/api/webhooks/deliveries/${delivery.id}/redeliver`, { token: m.access_token });
    expect(again.body).toMatchObject({ status: 'pending', webhook_id: null });
    await deliverUntilSettled(m);
    expect(own.received).toHaveLength(2);
    expect(verifyWebhookSignature(secret.body.secret, own.received[1]!.body, own.received[1]!.signature)).toBe(true);

    const rotated = await m.call('POST', `/api/shops/${m.shop.id}/webhook-secret/rotate`, { token: m.access_token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret.body.secret);
    expect((await m.call('GET', `/api/shops/${m.shop.id}/webhook-secret`, { token: m.access_token })).body).toEqual(rotated.body);
    await m.call('POST', `/api/webhooks/deliveries/${delivery.id}/redeliver`, { token: m.access_token });
    await deliverUntilSettled(m);
    const third = own.received[2]!;
    expect(verifyWebhookSignature(rotated.body.secret, third.body, third.signature)).toBe(true);
    expect(verifyWebhookSignature(secret.body.secret, third.body, third.signature)).toBe(false);
    expect(endpoint.received).toHaveLength(1);
  });

  it('are signed with a secret made on first use, when the merchant has never read it', async () => {
    const own = await receiver();
    const m = await registerMerchant();
    const shop = await newShop(m, { name: 'No endpoints' });
    const db = await database();
    await db.transaction((tx) =>
      emitWebhookEvent(tx, { userId: m.userId, shopId: shop.id, type: 'transaction.expired', object: {}, url: own.url }),
    );
    await deliverUntilSettled(m);
    expect(own.received).toHaveLength(1);
    const { secret } = (await m.call('GET', `/api/shops/${shop.id}/webhook-secret`, { token: m.access_token })).body;
    expect(verifyWebhookSignature(secret, own.received[0]!.body, own.received[0]!.signature)).toBe(true);
  });

  it('refuse a URL that breaks the webhook target rule: nothing of the event is written', async () => {
    const m = await registerMerchant();
    const shop = await newShop(m, { name: 'S' });
    const db = await database();
    const emit = (url: string) =>
      db.transaction((tx) => emitWebhookEvent(tx, { userId: m.userId, shopId: shop.id, type: 'transaction.paid', object: {}, url }));
    await expect(emit('ftp://example.com/hook')).rejects.toThrow(/http or https/);
    await expect(emit('http://user:pw@example.com/hook')).rejects.toThrow(/credentials/);
    await withPrivateTargetsRefused(async () => {
      await expect(emit('http://10.0.0.7/hook')).rejects.toThrow(/public address/);
      await expect(emit('http://[::1]:8080/hook')).rejects.toThrow(/public address/);
    });
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.shopId, shop.id))).toHaveLength(0);
  });

  it('the shop secret: made once even when first read twice at once, the user\'s own shops only, never with an API key', async () => {
    const m = await registerMerchant();
    const shop = await newShop(m, { name: 'Secretive' });
    const path = `/api/shops/${shop.id}/webhook-secret`;
    const [a, b] = await Promise.all([m.call('GET', path, { token: m.access_token }), m.call('GET', path, { token: m.access_token })]);
    expect(a.body.secret).toMatch(/^whsec_/);
    expect(b.body).toEqual(a.body);
    expect((await m.call('GET', path, { token: m.access_token })).body).toEqual(a.body);
    expect(JSON.stringify((await m.call('GET', `/api/shops/${shop.id}`, { token: m.access_token })).body)).not.toContain(a.body.secret);

    const other = await registerMerchant();
    expect((await other.call('GET', path, { token: other.access_token })).status).toBe(404);
    expect((await other.call('POST', `${path}/rotate`, { token: other.access_token })).status).toBe(404);
    expect((await m.call('GET', path, { apiKey: shop.api_key })).status).toBe(403);
    expect((await m.call('POST', `${path}/rotate`, { apiKey: shop.api_key })).status).toBe(403);
    expect((await m.call('GET', path)).status).toBe(401);
    expect((await m.call('GET', path, { token: m.access_token })).body).toEqual(a.body); // nothing above changed it
  });
});
