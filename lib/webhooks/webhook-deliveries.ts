import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { paginate } from '@/lib/api/pagination';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import type { DeliveryResponse, deliveryListResponse, listDeliveriesQuery } from './schemas';

type DeliveryRow = { delivery: typeof webhookDeliveries.$inferSelect; type: string };

async function withAttempts(rows: DeliveryRow[]): Promise<DeliveryResponse[]> {
  const db = await database();
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(webhookAttempts.attempt)
    : [];
  return rows.map(({ delivery: d, type }) => ({
    id: d.id,
    event_id: d.eventId,
    event_type: type,
    webhook_id: d.endpointId,
    url: d.url,
    status: d.status,
    attempt_count: d.attemptCount,
    next_attempt_at: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        status_code: a.statusCode,
        error: a.error,
        duration_ms: a.durationMs,
        response_excerpt: a.responseExcerpt,
        created_at: a.createdAt.toISOString(),
      })),
  }));
}

export async function listWebhookDeliveries(
  principal: Principal,
  query: z.output<typeof listDeliveriesQuery>,
): Promise<z.infer<typeof deliveryListResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const where = and(
    eq(webhookDeliveries.userId, userId),
    query.status ? eq(webhookDeliveries.status, query.status) : undefined,
    query.event_type ? eq(webhookEvents.type, query.event_type) : undefined,
    query.shop_id ? eq(webhookEvents.shopId, query.shop_id) : undefined,
  );
  const { rows, ...page } = await paginate(
    query,
    (limit, offset) =>
      db
        .select({ delivery: webhookDeliveries, type: webhookEvents.type })
        .from(webhookDeliveries)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(where)
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: count() }).from(webhookDeliveries).innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId)).where(where),
  );
  return { deliveries: await withAttempts(rows), ...page };
}

/**
 * Queues the delivery again now, whatever its state; its attempt log continues. A delivery of a disabled endpoint
 * answers 409 instead: the job would only stop it again (enable the endpoint first).
 */
export async function redeliverWebhook(principal: Principal, deliveryId: string): Promise<DeliveryResponse> {
  const { userId } = requireUser(principal);
  const db = await database();
  const [found] = await db
    .select({ endpointActive: webhookEndpoints.isActive })
    .from(webhookDeliveries)
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, userId)));
  if (!found) throw notFound('Delivery');
  if (found.endpointActive === false) throw new AppError('invalid_state', 'The webhook endpoint is disabled; enable it to redeliver');
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: new Date(), leaseUntil: null, updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, userId)))
    .returning();
  if (!delivery) throw notFound('Delivery');
  const [event] = await db.select({ type: webhookEvents.type }).from(webhookEvents).where(eq(webhookEvents.id, delivery.eventId));
  return (await withAttempts([{ delivery, type: event!.type }]))[0]!;
}
