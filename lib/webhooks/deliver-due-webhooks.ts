import { and, eq, sql } from 'drizzle-orm';
import { database, resultRows } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { config } from '@/lib/config/config';
import { logger } from '@/lib/observability/logger';
import { type PostResult, postWebhook } from './post-webhook';
import { isRetryable, nextAttemptAt } from './retry-policy';
import { openSecret } from './secret-box';
import { signWebhook } from './sign-webhook';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';

interface Claimed {
  id: string;
  attempt_count: number;
  url: string;
  endpoint_id: string;
  event_id: string;
}

/**
 * Claims due deliveries (FOR UPDATE SKIP LOCKED, with a lease so a crashed worker's claim comes back) and makes one
 * attempt each. Any number of processes may run this at once: a delivery is held by one of them at a time.
 * Returns how many were attempted.
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

async function attempt(delivery: Claimed): Promise<void> {
  const db = await database();
  const [row] = await db
    .select({ body: webhookEvents.body, type: webhookEvents.type, createdAt: webhookEvents.createdAt, secret: webhookEndpoints.secretCiphertext })
    .from(webhookEvents)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, delivery.endpoint_id))
    .where(eq(webhookEvents.id, delivery.event_id));
  if (!row) return;
  const rawBody = JSON.stringify(row.body);
  let result: PostResult;
  try {
    const target = await resolveWebhookTarget(delivery.url);
    result = await postWebhook(target, rawBody, {
      'KPay-Signature': signWebhook(openSecret(row.secret), rawBody, Math.floor(Date.now() / 1000)),
      'KPay-Event-Id': delivery.event_id,
      'KPay-Event-Type': row.type,
    });
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed');
    result = { statusCode: null, error: error instanceof Error ? error.message : String(error), durationMs: 0, responseExcerpt: null };
  }
  await record(delivery, result, row.createdAt);
}

async function record(delivery: Claimed, result: PostResult, eventCreatedAt: Date): Promise<void> {
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
