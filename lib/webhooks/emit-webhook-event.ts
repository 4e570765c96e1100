import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type WebhookEventType, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';

/**
 * Writes an event to the outbox and queues one delivery per subscribed endpoint of the shop, in the caller's
 * database transaction: the event exists exactly when the change that caused it committed.
 */
export async function emitWebhookEvent(
  db: Executor,
  event: { userId: string; shopId: string; type: WebhookEventType; object: unknown },
): Promise<string> {
  const id = randomUUID();
  const createdAt = new Date();
  const body = { id, type: event.type, created_at: createdAt.toISOString(), data: event.object };
  await db.insert(webhookEvents).values({ id, userId: event.userId, shopId: event.shopId, type: event.type, body, createdAt });
  const endpoints = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.shopId, event.shopId),
        eq(webhookEndpoints.isActive, true),
        sql`${webhookEndpoints.events} @> ${JSON.stringify([event.type])}::jsonb`,
      ),
    );
  if (endpoints.length > 0) {
    await db.insert(webhookDeliveries).values(endpoints.map((e) => ({ eventId: id, userId: event.userId, endpointId: e.id, url: e.url })));
  }
  return id;
}
