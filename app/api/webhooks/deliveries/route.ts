import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { listWebhookDeliveries } from '@/lib/webhooks/webhook-deliveries';

export const GET = apiRoute(webhookOperations.listWebhookDeliveries, ({ principal, query }) => listWebhookDeliveries(principal, query));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.listWebhookDeliveries);
