import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { revealShopWebhookSecret } from '@/lib/webhooks/shop-webhook-secret';

export const GET = apiRoute(webhookOperations.revealShopWebhookSecret, ({ principal, params }) =>
  revealShopWebhookSecret(principal, params.id),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.revealShopWebhookSecret);
