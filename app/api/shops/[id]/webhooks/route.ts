import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { webhookOperations } from '@/lib/webhooks/operations';
import { createWebhook, listWebhooks } from '@/lib/webhooks/webhook-endpoints';

export const GET = apiRoute(webhookOperations.listWebhooks, ({ principal, params }) => listWebhooks(principal, params.id));

export const POST = apiRoute(webhookOperations.createWebhook, ({ principal, params, body }) => createWebhook(principal, params.id, body));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(webhookOperations.listWebhooks, webhookOperations.createWebhook);
