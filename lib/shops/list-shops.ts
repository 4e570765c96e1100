import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { shops } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import type { shopListResponse } from './schemas';
import { toShopResponse, visibleShops } from './shop-access';

export async function listShops(principal: Principal): Promise<z.infer<typeof shopListResponse>> {
  const db = await database();
  const rows = await db.select().from(shops).where(visibleShops(principal)).orderBy(desc(shops.createdAt), desc(shops.id));
  return { shops: rows.map(toShopResponse), total: rows.length };
}
