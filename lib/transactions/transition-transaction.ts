import { and, eq, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type TransactionStatus, transactionEvents, transactions } from '@/db/schema';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { amountHeldUntil, leftPendingAt } from './held-amounts';
import { canTransition, effectiveStatus, webhookTypeOf } from './status';
import { toTransactionResponse } from './transaction-access';

type Row = typeof transactions.$inferSelect;
type Actor = (typeof transactionEvents.$inferInsert)['actor'];

export type TransitionResult =
  | { ok: true; row: Row; from: TransactionStatus }
  | { ok: false; row: Row | undefined; from: TransactionStatus | undefined };

/**
 * The only way a transaction changes state: lock the row, check the move against the state machine (reading a
 * pending row past its expiry as expired), update on the condition that the status is still what was read, and write
 * the event row and its webhook outbox entry, all inside the caller's database transaction. `ok: false` means not found or not allowed now.
 */
export async function transitionTransaction(
  tx: Transaction,
  args: {
    where: SQL;
    to: TransactionStatus;
    actor: Actor;
    data?: Record<string, unknown>;
    set?: (from: TransactionStatus) => Partial<typeof transactions.$inferInsert>;
    /** Runs on the locked row before anything changes; throwing aborts with nothing written. */
    guard?: (row: Row) => void;
    now?: Date;
  },
): Promise<TransitionResult> {
  const now = args.now ?? new Date();
  const [current] = await tx.select().from(transactions).where(args.where).limit(1).for('update');
  if (!current) return { ok: false, row: undefined, from: undefined };
  args.guard?.(current);
  const from = effectiveStatus(current, now);
  if (!canTransition(from, args.to)) return { ok: false, row: current, from };

  // Leaving pending starts the lookback during which a late deposit may still name this final_amount.
  const hold = current.status === 'pending' ? { amountHeldUntil: amountHeldUntil(leftPendingAt(current, now)) } : {};
  const [row] = await tx
    .update(transactions)
    .set({ ...args.set?.(from), ...hold, status: args.to, updatedAt: now })
    .where(and(eq(transactions.id, current.id), eq(transactions.status, current.status)))
    .returning();
  if (!row) return { ok: false, row: current, from };
  await tx.insert(transactionEvents).values({
    transactionId: row.id,
    type: args.to,
    fromStatus: from,
    toStatus: args.to,
    actor: args.actor,
    data: args.data,
    createdAt: now,
  });
  const type = webhookTypeOf(args.to);
  if (type) await emitWebhookEvent(tx, { userId: row.userId, shopId: row.shopId, type, object: toTransactionResponse(row, now) });
  return { ok: true, row, from };
}
