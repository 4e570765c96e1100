import { and, eq, type SQL } from 'drizzle-orm';
import { cryptoPayments } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';

/** The crypto payments a caller may see: all of a user's, or only those of the API key's shop. */
export function visibleCryptoPayments(principal: Principal): SQL {
  return principal.kind === 'shop'
    ? and(eq(cryptoPayments.userId, principal.userId), eq(cryptoPayments.shopId, principal.shopId))!
    : eq(cryptoPayments.userId, principal.userId);
}
