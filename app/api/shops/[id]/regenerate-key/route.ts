import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { shopOperations } from '@/lib/shops/operations';
import { regenerateShopKey } from '@/lib/shops/regenerate-shop-key';

export const POST = apiRoute(shopOperations.regenerateShopKey, ({ principal, params }) => regenerateShopKey(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(shopOperations.regenerateShopKey);
