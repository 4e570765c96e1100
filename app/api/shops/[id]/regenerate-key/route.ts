import { apiRoute } from '@/lib/api/handler';
import { regenerateShopKey } from '@/lib/shops/regenerate-shop-key';
import { shopIdParams } from '@/lib/shops/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user', params: shopIdParams }, ({ principal, params }) =>
  regenerateShopKey(principal, params.id),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
