import { apiRoute } from '@/lib/api/handler';
import { listDeliveriesQuery } from '@/lib/webhooks/schemas';
import { listWebhookDeliveries } from '@/lib/webhooks/webhook-deliveries';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user', query: listDeliveriesQuery }, ({ principal, query }) =>
  listWebhookDeliveries(principal.userId, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
