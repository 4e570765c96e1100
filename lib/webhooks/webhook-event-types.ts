/** The events a webhook endpoint can subscribe to (webhook_endpoints.events). No imports: components read it too. */
export const WEBHOOK_EVENT_TYPES = [
  'transaction.paid',
  'transaction.verified',
  'transaction.expired',
  'transaction.cancelled',
  'crypto_payment.created',
  'crypto_payment.pending',
  'crypto_payment.confirming',
  'crypto_payment.completed',
  'crypto_payment.expired',
  'crypto_payment.failed',
  'withdrawal.completed',
  'withdrawal.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
