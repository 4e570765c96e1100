import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { getShop } from '@/lib/shops/get-shop';
import { shopOperations } from '@/lib/shops/operations';
import { updateShop } from '@/lib/shops/update-shop';

export const GET = apiRoute(shopOperations.getShop, ({ principal, params }) => getShop(principal, params.id));

export const PATCH = apiRoute(shopOperations.updateShop, ({ principal, params, body }) => updateShop(principal, params.id, body));

export const { POST, PUT, DELETE, OPTIONS } = otherMethods(shopOperations.getShop, shopOperations.updateShop);
