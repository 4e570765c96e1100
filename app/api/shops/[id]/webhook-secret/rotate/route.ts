import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { rotateShopWebhookSecret } from '@/lib/webhooks/shop-webhook-secret';

export const POST = apiRoute(webhookOperations.rotateShopWebhookSecret, ({ principal, params }) =>
  rotateShopWebhookSecret(principal, params.id),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.rotateShopWebhookSecret);
