import { apiRoute } from '@/lib/api/handler';
import { getShop } from '@/lib/shops/get-shop';
import { shopIdParams, updateShopInput } from '@/lib/shops/schemas';
import { updateShop } from '@/lib/shops/update-shop';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user_or_key', params: shopIdParams }, ({ principal, params }) =>
  getShop(principal, params.id),
);

export const PATCH = apiRoute({ auth: 'user', params: shopIdParams, body: updateShopInput }, ({ principal, params, body }) =>
  updateShop(principal, params.id, body),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
