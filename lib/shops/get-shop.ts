import { database } from '@/db/client';
import { shops } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import type { ShopResponse } from './schemas';
import { toShopResponse, visibleShops } from './shop-access';

export async function getShop(principal: Principal, shopId: string): Promise<ShopResponse> {
  const db = await database();
  const [shop] = await db.select().from(shops).where(visibleShops(principal, shopId)).limit(1);
  if (!shop) throw notFound('Shop');
  return toShopResponse(shop);
}
