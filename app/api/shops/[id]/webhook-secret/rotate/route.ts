import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { shopIdParams } from '@/lib/shops/schemas';
import { rotateShopWebhookSecret } from '@/lib/webhooks/shop-webhook-secret';

export const POST = apiRoute({ auth: 'user', params: shopIdParams }, ({ principal, params }) =>
  rotateShopWebhookSecret(principal, params.id),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
