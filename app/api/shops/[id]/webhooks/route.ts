import { apiRoute, created } from '@/lib/api/handler';
import { shopIdParams } from '@/lib/shops/schemas';
import { createWebhookInput } from '@/lib/webhooks/schemas';
import { createWebhook, listWebhooks } from '@/lib/webhooks/webhook-endpoints';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user', params: shopIdParams }, ({ principal, params }) => listWebhooks(principal, params.id));

export const POST = apiRoute({ auth: 'user', params: shopIdParams, body: createWebhookInput }, async ({ principal, params, body }) =>
  created(await createWebhook(principal, params.id, body)),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
