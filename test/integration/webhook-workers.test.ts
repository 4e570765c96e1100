import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { database } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { newShop, newWebhook, registerMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';
import { startWebhookReceiver } from '../webhook-receiver';
import { workerProcesses } from '../worker-processes';

// Separate worker processes share one PostgreSQL server; the embedded database belongs to a single process, so these
// run where TEST_DATABASE_URL names a server (CI does).
const testDb = setupTestDatabase();
const startWorker = workerProcesses(testDb.url);

async function shopWithEndpoint(url: string) {
  const m = await registerMerchant();
  const shop = await newShop(m, { name: 'Workers' });
  await newWebhook(m, shop, { url });
  return { userId: m.userId, shopId: shop.id };
}

/** How long the exactly-once test listens for a duplicate after every event arrived (see there). */
const DUPLICATE_WINDOW_MS = 3_000;
const pendingDeliveries = async () => (await database()).select().from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));

describe.runIf(process.env.TEST_DATABASE_URL)('webhook workers on one PostgreSQL', () => {
  it('two worker processes deliver 500 events exactly once each', async () => {
    const receiver = await startWebhookReceiver();
    const { userId, shopId } = await shopWithEndpoint(receiver.url);
    const db = await database();
    const ids = new Set<string>();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) {
        ids.add(await emitWebhookEvent(tx, { userId, shopId, type: 'transaction.paid', object: { n: i } }));
      }
    });
    startWorker();
    startWorker();
    await receiver.waitFor(500, 90_000);
    // Every event arrived at least once, and once no delivery is pending none is left to claim.
    await vi.waitFor(async () => expect(await pendingDeliveries()).toHaveLength(0), { timeout: 30_000, interval: 100 });
    // A duplicate would be a request MORE, which no event announces: the one wait left is bounded on purpose. It gives
    // an attempt claimed twice DUPLICATE_WINDOW_MS to show up, and fails as soon as a 501st request arrives.
    await expect(receiver.waitFor(501, DUPLICATE_WINDOW_MS)).rejects.toThrow(/got 500 of 501/);
    const received = receiver.received.map((r) => r.eventId);
    expect(received).toHaveLength(500);
    expect(new Set(received)).toEqual(ids);
    const pending = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));
    expect(pending).toHaveLength(0);
    await receiver.close();
  }, 120_000);

  it('a worker killed mid-delivery: the event is delivered after a restart', async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? 'hang' : 200));
    const { userId, shopId } = await shopWithEndpoint(receiver.url);
    const db = await database();
    const eventId = await db.transaction((tx) => emitWebhookEvent(tx, { userId, shopId, type: 'transaction.paid', object: {} }));
    const first = startWorker({ KPAY_WEBHOOK_LEASE_SECONDS: '3' });
    await receiver.waitFor(1, 60_000);
    first.kill('SIGKILL');
    startWorker({ KPAY_WEBHOOK_LEASE_SECONDS: '3' });
    await receiver.waitFor(2, 60_000);
    expect(receiver.received.map((r) => r.eventId)).toEqual([eventId, eventId]);
    // The second worker records its attempt just after the receiver answered it.
    await vi.waitFor(
      async () => {
        const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
        expect(d!.status).toBe('succeeded');
      },
      { timeout: 10_000, interval: 100 },
    );
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2, lastStatusCode: 200 });
    await receiver.close();
  }, 120_000);
});
