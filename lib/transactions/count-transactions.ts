import { and, count, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { transactionCounts, transactions } from '@/db/schema';
import { deadlinePassedSql } from '@/lib/state/state-sql';
import { transactionMachine } from './status';
import { type CallerScope, ownedBy } from './transaction-access';
import type { TransactionStatus } from './transaction-statuses';

/**
 * The most a filtered list counts when the counters cannot answer (free-text search, dates): beyond it the total is
 * a lower bound (`total_is_lower_bound`), so no request counts a whole history.
 */
export const LIST_COUNT_CAP = 10_000;

/** The filters transaction_counts answers exactly: the caller's scope, a shop, a status. */
export interface CountedFilters {
  scope: CallerScope;
  shopId?: string | Placeholder;
  status?: TransactionStatus;
  now: SQL;
}

/**
 * How the overdue rows (stored pending, past expires_at: what the sweep has not stored yet) move a status's total from
 * what the counters hold to what the list's status filter returns: a read shows them as the deadline's state
 * (lib/transactions/status.ts), so they leave `pending` and join `expired`.
 */
function overdueSign(status: TransactionStatus | undefined): -1 | 0 | 1 {
  const deadline = transactionMachine.deadline!;
  if (status === undefined) return 0;
  if (deadline.from.includes(status)) return -1;
  return status === deadline.reads ? 1 : 0;
}

/**
 * The exact number of the caller's transactions per shop in an effective status (each filter optional), from the
 * counters the triggers of migration 0015 keep, corrected by the shop's overdue rows, which the sweep keeps few and
 * the partial index on pending expiry finds without reading the rest. One row per shop that has transactions:
 * `shopId` and `n` (the list adds them up, the overview shows each).
 */
export function countedTotals(db: Database, filters: CountedFilters) {
  const sign = overdueSign(filters.status);
  const overdue = sql`(select count(*) from ${transactions} where ${and(
    ownedBy(transactions, filters.scope),
    eq(transactions.shopId, transactionCounts.shopId),
    deadlinePassedSql(transactionMachine, transactions, filters.now),
  )})`;
  // With a correction every shop's rows are read, so a shop whose only expired ones are overdue still has its group.
  const stored =
    sign === 0 ? sql`sum(${transactionCounts.count})` : sql`coalesce(sum(${transactionCounts.count}) filter (where ${transactionCounts.status} = ${filters.status}), 0)`;
  const n = sign === 0 ? stored : sign < 0 ? sql`${stored} - ${overdue}` : sql`${stored} + ${overdue}`;
  return db
    .select({ shopId: transactionCounts.shopId, n: sql<number>`(${n})::bigint`.mapWith(Number) })
    .from(transactionCounts)
    .where(
      and(
        ownedBy(transactionCounts, filters.scope),
        filters.shopId === undefined ? undefined : eq(transactionCounts.shopId, filters.shopId),
        filters.status === undefined || sign !== 0 ? undefined : eq(transactionCounts.status, filters.status),
      ),
    )
    .groupBy(transactionCounts.shopId);
}

/** count(*) of the rows `where` names, reading at most `limit` of them (the cap + 1: more than the cap is a lower bound). */
export function cappedCount(db: Database, where: SQL | undefined, limit: number | Placeholder) {
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(transactions)
    .where(where)
    .limit(limit)
    .as('capped');
  return db.select({ n: count() }).from(capped);
}
