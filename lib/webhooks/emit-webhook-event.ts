import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import type { WebhookEventType } from './webhook-event-types';
import { parseWebhookUrl } from './webhook-target';

/**
 * Writes an event to the outbox and queues one delivery per subscribed endpoint of the shop (of every shop of the
 * merchant for an event of no shop: a withdrawal), in the caller's
 * database transaction: the event exists exactly when the change that caused it committed.
 *
 * `url` (e.g. a crypto payment's webhook_url) queues one more delivery to that URL, with no endpoint; it is signed with
 * the shop's own signing secret. Take the URL with checkWebhookUrl where the merchant gives it (a 422 on the field);
 * here it is checked again without DNS, so a URL that breaks the rule is never queued, and before every attempt as
 * endpoint URLs are.
 */
export async function emitWebhookEvent(
  db: Executor,
  event: { userId: string; shopId: string | null; type: WebhookEventType; object: unknown; url?: string },
): Promise<string> {
  const ownUrl = event.url === undefined ? undefined : parseWebhookUrl(event.url).toString();
  const id = randomUUID();
  const createdAt = new Date();
  const body = { id, type: event.type, created_at: createdAt.toISOString(), data: event.object };
  await db.insert(webhookEvents).values({ id, userId: event.userId, shopId: event.shopId, type: event.type, body, createdAt });
  const endpoints = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(
      and(
        // A merchant's own event (a withdrawal) goes to the endpoints of every shop of the merchant.
        event.shopId ? eq(webhookEndpoints.shopId, event.shopId) : eq(webhookEndpoints.userId, event.userId),
        eq(webhookEndpoints.isActive, true),
        sql`${webhookEndpoints.events} @> ${JSON.stringify([event.type])}::jsonb`,
      ),
    );
  const targets: { endpointId: string | null; url: string }[] = endpoints.map((e) => ({ endpointId: e.id, url: e.url }));
  if (ownUrl) targets.push({ endpointId: null, url: ownUrl });
  if (targets.length > 0) {
    await db.insert(webhookDeliveries).values(targets.map((t) => ({ eventId: id, userId: event.userId, ...t })));
  }
  return id;
}
