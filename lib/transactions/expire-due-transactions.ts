import { inArray, sql } from 'drizzle-orm';
import { type Executor, resultRows } from '@/db/client';
import { transactions } from '@/db/schema';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { amountHeldUntilSql } from './held-amounts';
import { toTransactionResponse } from './transaction-access';

/**
 * Persists `expired` for pending transactions past their time (all of them, or one merchant's), with their event
 * rows in one statement and their transaction.expired webhooks, in the caller's database transaction. Reads already show them expired;
 * their final_amount stays held for the SMS lookback (lib/transactions/held-amounts.ts).
 */
export async function expireDueTransactions(db: Executor, userId?: string): Promise<string[]> {
  const scope = userId ? sql`and user_id = ${userId}` : sql``;
  const rows = resultRows<{ transaction_id: string }>(
    await db.execute(sql`
      with expired as (
        update transactions set status = 'expired', closed_at = now(), updated_at = now(), amount_held_until = ${amountHeldUntilSql()}
        where status = 'pending' and expires_at <= now() ${scope}
        returning id
      )
      insert into transaction_events (transaction_id, type, from_status, to_status, actor)
      select id, 'expired', 'pending', 'expired', 'system' from expired
      returning transaction_id`),
  );
  const ids = rows.map((r) => r.transaction_id);
  if (ids.length === 0) return ids;
  for (const row of await db.select().from(transactions).where(inArray(transactions.id, ids))) {
    await emitWebhookEvent(db, { userId: row.userId, shopId: row.shopId, type: 'transaction.expired', object: toTransactionResponse(row) });
  }
  return ids;
}
