import { apiRoute, noContent } from '@/lib/api/handler';
import { updateWebhookInput, webhookParams } from '@/lib/webhooks/schemas';
import { deleteWebhook, updateWebhook } from '@/lib/webhooks/webhook-endpoints';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const PATCH = apiRoute({ auth: 'user', params: webhookParams, body: updateWebhookInput }, ({ principal, params, body }) =>
  updateWebhook(principal.userId, params.id, params.webhookId, body),
);

export const DELETE = apiRoute({ auth: 'user', params: webhookParams }, async ({ principal, params }) => {
  await deleteWebhook(principal.userId, params.id, params.webhookId);
  return noContent();
});

export const { GET, POST, PUT, OPTIONS } = otherMethods('PATCH', 'DELETE');
