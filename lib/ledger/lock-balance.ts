import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { ledgerEntries } from '@/db/schema';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import type { LedgerAccount } from './ledger-accounts';

/**
 * A merchant's balance of one account and currency, read under a transaction-scoped lock on that merchant and
 * currency: every writer that takes from the balance takes the same lock first, so two withdrawals can never both
 * see the same money as available (the check and the posting happen while no one else can post for it).
 */
export async function lockBalance(tx: Transaction, userId: string, currency: CurrencyCode, account: LedgerAccount): Promise<bigint> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kpay.balance.${userId}.${currency}`}, 0))`);
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.userId, userId), eq(ledgerEntries.currency, currency), eq(ledgerEntries.account, account)));
  return BigInt(row?.total ?? '0');
}
