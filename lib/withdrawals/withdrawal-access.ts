import { and, eq, type SQL } from 'drizzle-orm';
import { withdrawals } from '@/db/schema';
import { requireUser, type Principal } from '@/lib/auth/principal';

/** The withdrawals a caller may see: the signed-in merchant's own (a shop API key never sees or makes one: 403). */
export function visibleWithdrawals(principal: Principal, id?: string): SQL {
  const scope = eq(withdrawals.userId, requireUser(principal).userId);
  return id ? and(scope, eq(withdrawals.id, id))! : scope;
}
