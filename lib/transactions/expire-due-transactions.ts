import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { transactions } from '@/db/schema';
import { settleDeadlines } from '@/lib/state/transition-all';
import { transactionMachine } from './status';
import { transactionStates } from './transition-transaction';

/**
 * Stores `expired` for pending transactions past their time (all of them, or one merchant's), in the caller's
 * database transaction (a savepoint of it; its own when given the database): lib/state's set-based sweep, so each
 * gets the same columns, event row and transaction.expired webhook as a single transition to expired. Reads already
 * show them expired; their final_amount stays held for the SMS lookback (lib/transactions/held-amounts.ts).
 */
export async function expireDueTransactions(db: Executor, userId?: string, now = new Date()): Promise<string[]> {
  const moved = await db.transaction((tx) =>
    settleDeadlines(tx, transactionMachine, transactionStates, { where: userId ? eq(transactions.userId, userId) : undefined, now }),
  );
  return moved.map(({ row }) => row.id);
}
