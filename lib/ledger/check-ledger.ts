import { sql } from 'drizzle-orm';
import { type Executor, resultRows } from '@/db/client';
import { ledgerEntries } from '@/db/schema';

export interface LedgerProblem {
  kind: 'unbalanced_posting' | 'negative_balance';
  detail: Record<string, string>;
}

/**
 * The ledger's invariants, checked over every line: each posting sums to zero per currency, and no merchant's
 * pending, available or reserved balance is below zero. Tests call it after every scenario; `npm run ledger:check`
 * runs it on a live database.
 */
export async function checkLedger(db: Executor): Promise<LedgerProblem[]> {
  const unbalanced = resultRows<{ posting_id: string; currency: string; sum: string }>(
    await db.execute(sql`
      select ${ledgerEntries.postingId} as posting_id, ${ledgerEntries.currency} as currency, sum(${ledgerEntries.amount})::text as sum
      from ${ledgerEntries}
      group by 1, 2
      having sum(${ledgerEntries.amount}) <> 0`),
  );
  const negative = resultRows<{ user_id: string; currency: string; account: string; balance: string }>(
    await db.execute(sql`
      select ${ledgerEntries.userId} as user_id, ${ledgerEntries.currency} as currency, ${ledgerEntries.account} as account,
        sum(${ledgerEntries.amount})::text as balance
      from ${ledgerEntries}
      where ${ledgerEntries.account} in ('pending', 'available', 'reserved')
      group by 1, 2, 3
      having sum(${ledgerEntries.amount}) < 0`),
  );
  return [
    ...unbalanced.map((r) => ({ kind: 'unbalanced_posting' as const, detail: r })),
    ...negative.map((r) => ({ kind: 'negative_balance' as const, detail: r })),
  ];
}
