import { and, eq, sql } from 'drizzle-orm';
import { database, resultRows } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { config } from '@/lib/config/config';
import { logger } from '@/lib/observability/logger';
import { type PostResult, postWebhook } from './post-webhook';
import { isRetryable, nextAttemptAt } from './retry-policy';
import { openSecret } from './secret-box';
import { shopSigningSecret } from './shop-webhook-secret';
import { signWebhook } from './sign-webhook';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';

interface Claimed {
  id: string;
  attempt_count: number;
  url: string;
  endpoint_id: string | null;
  event_id: string;
}

/**
 * Claims due deliveries (FOR UPDATE SKIP LOCKED, with a lease so a crashed worker's claim comes back) and makes one
 * attempt each (or stops it, when its endpoint is disabled). Any number of processes may run this at once: a delivery
 * is held by one of them at a time. Returns how many were claimed.
 */
export async function deliverDueWebhooks(limit = 20): Promise<number> {
  const db = await database();
  const claimed = resultRows<Claimed>(
    await db.execute(sql`
      update webhook_deliveries d
      set lease_until = now() + make_interval(secs => ${config().webhooks.leaseSeconds}),
          attempt_count = d.attempt_count + 1, updated_at = now()
      where d.id in (
        select id from webhook_deliveries
        where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
      returning d.id, d.attempt_count, d.url, d.endpoint_id, d.event_id`),
  );
  await Promise.all(claimed.map((delivery) => attempt(delivery)));
  return claimed.length;
}

/**
 * Where a delivery goes now and what signs it. An endpoint's delivery follows the endpoint as it is at this moment
 * (its current URL and secret) and stops while the endpoint is disabled; a delivery with its own URL is signed with its
 * shop's secret.
 */
async function route(
  delivery: Claimed,
  endpoint: { url: string; secretCiphertext: string; isActive: boolean } | null,
  shopId: string | null,
): Promise<{ url: string; secret: string } | { stop: string }> {
  if (delivery.endpoint_id === null) {
    const secret = shopId ? await shopSigningSecret(shopId) : null;
    return secret ? { url: delivery.url, secret } : { stop: 'No shop to sign this delivery with' };
  }
  if (!endpoint) return { stop: 'Webhook endpoint was deleted' };
  if (!endpoint.isActive) return { stop: 'Webhook endpoint is disabled; enable it and redeliver to send this event' };
  return { url: endpoint.url, secret: openSecret(endpoint.secretCiphertext) };
}

async function attempt(delivery: Claimed): Promise<void> {
  const db = await database();
  const [row] = await db
    .select({
      body: webhookEvents.body,
      type: webhookEvents.type,
      createdAt: webhookEvents.createdAt,
      shopId: webhookEvents.shopId,
      endpoint: { url: webhookEndpoints.url, secretCiphertext: webhookEndpoints.secretCiphertext, isActive: webhookEndpoints.isActive },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, delivery.id));
  // Gone since the claim: its endpoint was deleted, and the delivery and its log with it (ON DELETE CASCADE).
  if (!row) return;
  const to = await route(delivery, row.endpoint, row.shopId);
  if ('stop' in to) return stop(delivery, to.stop);
  const rawBody = JSON.stringify(row.body);
  let result: PostResult;
  try {
    const target = await resolveWebhookTarget(to.url);
    result = await postWebhook(target, rawBody, {
      'KPay-Signature': signWebhook(to.secret, rawBody, Math.floor(Date.now() / 1000)),
      'KPay-Event-Id': delivery.event_id,
      'KPay-Event-Type': row.type,
    });
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed');
    result = { statusCode: null, error: error instanceof Error ? error.message : String(error), durationMs: 0, responseExcerpt: null };
  }
  await record(delivery, to.url, result, row.createdAt);
}

/** Ends a delivery that must not be sent, without an attempt: the claim's count is given back, the reason kept. */
async function stop(delivery: Claimed, reason: string): Promise<void> {
  const db = await database();
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed', attemptCount: delivery.attempt_count - 1, leaseUntil: null, lastError: reason, updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attemptCount, delivery.attempt_count)));
}

async function record(delivery: Claimed, url: string, result: PostResult, eventCreatedAt: Date): Promise<void> {
  const db = await database();
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const retryAt = ok || !isRetryable(result.statusCode) ? null : nextAttemptAt(delivery.attempt_count, eventCreatedAt);
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      attempt: delivery.attempt_count,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      responseExcerpt: result.responseExcerpt,
    }).onConflictDoNothing();
    // Conditional on our attempt number: a worker whose lease ran out must not overwrite the one that took over.
    await tx
      .update(webhookDeliveries)
      .set({
        status: ok ? 'succeeded' : retryAt ? 'pending' : 'failed',
        url, // where this attempt went: an endpoint's URL may have changed since the event
        nextAttemptAt: retryAt ?? undefined,
        leaseUntil: null,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        deliveredAt: ok ? new Date() : undefined,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attemptCount, delivery.attempt_count)));
  });
}
