import type { z } from 'zod';
import { database } from '@/db/client';
import { shops } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { newApiKey } from './api-key';
import type { apiKeyResponse } from './schemas';
import { visibleShops } from './shop-access';

/** Replaces the shop's key; the old key stops working at once. */
export async function regenerateShopKey(principal: Principal, shopId: string): Promise<z.infer<typeof apiKeyResponse>> {
  const user = requireUser(principal);
  const db = await database();
  const { apiKey, apiKeyHash, apiKeyHint } = newApiKey();
  const [shop] = await db
    .update(shops)
    .set({ apiKeyHash, apiKeyHint, updatedAt: new Date() })
    .where(visibleShops(user, shopId))
    .returning({ id: shops.id });
  if (!shop) throw notFound('Shop');
  return { api_key: apiKey, api_key_hint: apiKeyHint };
}
