import { apiRoute } from '@/lib/api/handler';
import { deliveryIdParams } from '@/lib/webhooks/schemas';
import { redeliverWebhook } from '@/lib/webhooks/webhook-deliveries';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user', params: deliveryIdParams }, ({ principal, params }) =>
  redeliverWebhook(principal.userId, params.id),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
