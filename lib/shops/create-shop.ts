import type { z } from 'zod';
import { database } from '@/db/client';
import { shops } from '@/db/schema';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { newApiKey } from './api-key';
import type { createShopInput, shopWithKeyResponse } from './schemas';
import { toShopResponse } from './shop-access';

export async function createShop(principal: Principal, input: z.output<typeof createShopInput>): Promise<z.infer<typeof shopWithKeyResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const { apiKey, apiKeyHash, apiKeyHint } = newApiKey();
  const [shop] = await db
    .insert(shops)
    .values({ userId, name: input.name, website: input.website, phone: input.phone, apiKeyHash, apiKeyHint })
    .returning();
  return { ...toShopResponse(shop!), api_key: apiKey };
}
