import { z } from 'zod';
import { paginationQuery } from '@/lib/api/pagination';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '@/db/schema';

const events = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).transform((e) => [...new Set(e)]);
const url = z.string().trim().max(500);

export const createWebhookInput = z.strictObject({
  url,
  events: events.optional().describe('Defaults to every event type'),
});
export const updateWebhookInput = z
  .strictObject({ url: url.optional(), events: events.optional(), is_active: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update' });

export const webhookParams = z.object({ id: z.uuid(), webhookId: z.uuid() });

export const webhookResponse = z.object({
  id: z.uuid(),
  shop_id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  is_active: z.boolean(),
  secret_hint: z.string(),
  created_at: z.iso.datetime(),
});
export type WebhookResponse = z.infer<typeof webhookResponse>;
export const webhookWithSecretResponse = webhookResponse.extend({
  secret: z.string().describe('Signing secret, shown only on create and rotate'),
});
export const webhookListResponse = z.object({ webhooks: z.array(webhookResponse), total: z.number().int() });
export const webhookSecretResponse = z.object({ secret: z.string(), secret_hint: z.string() });

export const listDeliveriesQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  event_type: z.enum(WEBHOOK_EVENT_TYPES).optional(),
  shop_id: z.uuid().optional(),
  ...paginationQuery,
});
export const deliveryIdParams = z.object({ id: z.uuid() });

export const deliveryResponse = z.object({
  id: z.uuid(),
  event_id: z.uuid(),
  event_type: z.string(),
  webhook_id: z.uuid().nullable().describe('Null for a delivery to its own URL, signed with the shop\'s webhook secret'),
  url: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempt_count: z.number().int(),
  next_attempt_at: z.iso.datetime().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable().describe('Why the last attempt failed, or why the delivery was stopped without one'),
  delivered_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      status_code: z.number().int().nullable(),
      error: z.string().nullable(),
      duration_ms: z.number().int(),
      response_excerpt: z.string().nullable(),
      created_at: z.iso.datetime(),
    }),
  ),
});
export type DeliveryResponse = z.infer<typeof deliveryResponse>;
export const deliveryListResponse = z.object({
  deliveries: z.array(deliveryResponse),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});
