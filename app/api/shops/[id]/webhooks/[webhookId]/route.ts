import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { deleteWebhook, updateWebhook } from '@/lib/webhooks/webhook-endpoints';

export const PATCH = apiRoute(webhookOperations.updateWebhook, ({ principal, params, body }) =>
  updateWebhook(principal, params.id, params.webhookId, body),
);

export const DELETE = apiRoute(webhookOperations.deleteWebhook, ({ principal, params }) =>
  deleteWebhook(principal, params.id, params.webhookId),
);

export const { GET, POST, PUT, OPTIONS } = otherMethods(webhookOperations.updateWebhook, webhookOperations.deleteWebhook);
