import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { createShop } from '@/lib/shops/create-shop';
import { listShops } from '@/lib/shops/list-shops';
import { shopOperations } from '@/lib/shops/operations';

export const GET = apiRoute(shopOperations.listShops, ({ principal }) => listShops(principal));

export const POST = apiRoute(shopOperations.createShop, ({ principal, body }) => createShop(principal, body));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(shopOperations.listShops, shopOperations.createShop);
