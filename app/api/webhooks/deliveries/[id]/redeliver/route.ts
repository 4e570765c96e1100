import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { redeliverWebhook } from '@/lib/webhooks/webhook-deliveries';

export const POST = apiRoute(webhookOperations.redeliverWebhook, ({ principal, params }) => redeliverWebhook(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.redeliverWebhook);
