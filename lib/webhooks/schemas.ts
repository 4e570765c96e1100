import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { pageResponseFields, paginationQuery } from '@/lib/api/pagination';
import { WEBHOOK_DELIVERY_STATUSES } from './webhook-delivery-statuses';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .meta(example(['transaction.paid', 'transaction.expired']))
  .transform((e) => [...new Set(e)]);
const url = z.string().trim().max(500).meta(example(EXAMPLE.webhookUrl));
const SECRET = 'whsec_Zm9yIGV4YW1wbGUgb25seTogbm90IGEgcmVhbCBzZWNyZXQu3kQp';
const SECRET_HINT = 'whsec_…3kQp';
const timestamp = (value: string) => z.iso.datetime().meta(example(value));
const count = (value: number) => z.number().int().meta(example(value));

export const createWebhookInput = z.strictObject({
  url,
  events: events.optional().describe('Defaults to every event type'),
});
export const updateWebhookInput = z
  .strictObject({ url: url.optional(), events: events.optional(), is_active: z.boolean().optional() })
  .meta(example({ is_active: false }))
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update' });

export const webhookParams = z.object({ id: z.uuid().meta(example(EXAMPLE.shopId)), webhookId: z.uuid().meta(example(EXAMPLE.webhookId)) });

export const webhookResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.webhookId)),
  shop_id: z.uuid().meta(example(EXAMPLE.shopId)),
  url: z.string().meta(example(EXAMPLE.webhookUrl)),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).meta(example(['transaction.paid', 'transaction.expired'])),
  is_active: z.boolean(),
  secret_hint: z.string().meta(example(SECRET_HINT)),
  created_at: timestamp('2025-11-02T08:10:00.000Z'),
});
export type WebhookResponse = z.infer<typeof webhookResponse>;
export const webhookWithSecretResponse = webhookResponse.extend({
  secret: z.string().describe('Signing secret, shown only on create and rotate').meta(example(SECRET)),
});
export const webhookListResponse = z.object({ webhooks: z.array(webhookResponse), total: count(1) });
export const webhookSecretResponse = z.object({
  secret: z.string().describe('Signs KPay-Signature: HMAC-SHA256 of "<t>.<raw body>"').meta(example(SECRET)),
  secret_hint: z.string().meta(example(SECRET_HINT)),
});

export const listDeliveriesQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional().meta(example('failed')),
  event_type: z.enum(WEBHOOK_EVENT_TYPES).optional().meta(example('transaction.paid')),
  shop_id: z.uuid().optional().meta(example(EXAMPLE.shopId)),
  ...paginationQuery,
});
export const deliveryIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.deliveryId)) });

export const deliveryResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.deliveryId)),
  event_id: z.uuid().meta(example(EXAMPLE.eventId)),
  event_type: z.string().meta(example('transaction.paid')),
  webhook_id: z
    .uuid()
    .nullable()
    .describe("Null for a delivery to its own URL, signed with the shop's webhook secret")
    .meta(example(EXAMPLE.webhookId)),
  url: z.string().meta(example(EXAMPLE.webhookUrl)),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta(example('succeeded')),
  attempt_count: count(2),
  next_attempt_at: timestamp('2025-11-18T09:24:42.000Z').nullable().describe('While pending'),
  last_status_code: count(200).nullable(),
  last_error: z
    .string()
    .nullable()
    .describe('Why the last attempt failed, or why the delivery was stopped without one')
    .meta(example(null)),
  delivered_at: timestamp('2025-11-18T09:24:43.000Z').nullable(),
  created_at: timestamp('2025-11-18T09:23:41.000Z'),
  attempts: z.array(
    z.object({
      attempt: count(1),
      status_code: count(503).nullable(),
      error: z.string().nullable().meta(example(null)),
      duration_ms: count(184),
      response_excerpt: z.string().nullable().meta(example('Service Unavailable')),
      created_at: timestamp('2025-11-18T09:23:42.000Z'),
    }),
  ),
});
export type DeliveryResponse = z.infer<typeof deliveryResponse>;
export const deliveryListResponse = z.object({
  deliveries: z.array(deliveryResponse),
  ...pageResponseFields,
});
