import type { z } from 'zod';
import { database } from '@/db/client';
import { shops } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import type { ShopResponse, updateShopInput } from './schemas';
import { toShopResponse, visibleShops } from './shop-access';

export async function updateShop(principal: Principal, shopId: string, input: z.output<typeof updateShopInput>): Promise<ShopResponse> {
  const user = requireUser(principal);
  const db = await database();
  const [shop] = await db
    .update(shops)
    .set({ name: input.name, website: input.website, phone: input.phone, isActive: input.is_active, updatedAt: new Date() })
    .where(visibleShops(user, shopId))
    .returning();
  if (!shop) throw notFound('Shop');
  return toShopResponse(shop);
}
