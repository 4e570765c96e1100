import { and, eq, type SQL } from 'drizzle-orm';
import { shops } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import type { ShopResponse } from './schemas';

/** The shops a caller may see: all of a user's, or only the key's own shop. Every shop query goes through this. */
export function visibleShops(principal: Principal, shopId?: string): SQL {
  const scope = principal.kind === 'shop' ? eq(shops.id, principal.shopId) : eq(shops.userId, principal.userId);
  return shopId ? and(scope, eq(shops.id, shopId))! : scope;
}

export function toShopResponse(shop: typeof shops.$inferSelect): ShopResponse {
  return {
    id: shop.id,
    name: shop.name,
    website: shop.website,
    phone: shop.phone,
    is_active: shop.isActive,
    api_key_hint: shop.apiKeyHint,
    created_at: shop.createdAt.toISOString(),
    updated_at: shop.updatedAt.toISOString(),
  };
}
