import { apiRoute } from '@/lib/api/handler';
import { listDeliveriesQuery } from '@/lib/webhooks/schemas';
import { listWebhookDeliveries } from '@/lib/webhooks/webhook-deliveries';

export const GET = apiRoute({ auth: 'user', query: listDeliveriesQuery }, ({ principal, query }) =>
  listWebhookDeliveries(principal.userId, query),
);
