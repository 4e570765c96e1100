import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { rotateWebhookSecret } from '@/lib/webhooks/webhook-endpoints';

export const POST = apiRoute(webhookOperations.rotateWebhookSecret, ({ principal, params }) =>
  rotateWebhookSecret(principal, params.id, params.webhookId),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.rotateWebhookSecret);
