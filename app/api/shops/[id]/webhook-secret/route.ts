import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { shopIdParams } from '@/lib/shops/schemas';
import { revealShopWebhookSecret } from '@/lib/webhooks/shop-webhook-secret';

export const GET = apiRoute({ auth: 'user', params: shopIdParams }, ({ principal, params }) =>
  revealShopWebhookSecret(principal, params.id),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
