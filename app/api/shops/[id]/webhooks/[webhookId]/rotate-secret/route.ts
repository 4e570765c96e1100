import { apiRoute } from '@/lib/api/handler';
import { webhookParams } from '@/lib/webhooks/schemas';
import { rotateWebhookSecret } from '@/lib/webhooks/webhook-endpoints';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user', params: webhookParams }, ({ principal, params }) =>
  rotateWebhookSecret(principal.userId, params.id, params.webhookId),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
