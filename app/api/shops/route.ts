import { apiRoute, created } from '@/lib/api/handler';
import { createShop } from '@/lib/shops/create-shop';
import { listShops } from '@/lib/shops/list-shops';
import { createShopInput } from '@/lib/shops/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user_or_key' }, ({ principal }) => listShops(principal));

export const POST = apiRoute({ auth: 'user', body: createShopInput }, async ({ principal, body }) =>
  created(await createShop(principal.userId, body)),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
