import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { transactions } from '@/db/schema';
import type { TransactionStatus } from './transaction-statuses';
import { config } from '@/lib/config/config';
import { effectiveStatus } from './status';

/**
 * A final_amount stays taken while its transaction is pending and for the SMS matcher's lookback after it left
 * pending, because a deposit SMS for it may still arrive: until then no new transaction of the merchant may ask for
 * the same sum (the unique index on held amounts), or a late deposit for the old one would pay the new one.
 */
export const amountHeldUntil = (leftPendingAt: Date): Date => new Date(leftPendingAt.getTime() + config().sms.lookbackMs);

/**
 * The same rule in SQL, for a transaction leaving pending at `now` (a single change or the expiry sweep): it left
 * pending at its expires_at when the clock had already expired it (leftPendingAt below), else now.
 */
export const amountHeldUntilSql = (now: Date): SQL =>
  sql`least(${transactions.expiresAt}, ${now.toISOString()}::timestamptz) + make_interval(secs => ${config().sms.lookbackMs / 1000})`;

/**
 * When a transaction left pending: now for a change made now, but expires_at for one that had already expired by
 * the clock (the sweep may run late, or not at all while the server was down).
 */
export const leftPendingAt = (row: { status: TransactionStatus; expiresAt: Date }, now: Date): Date =>
  effectiveStatus(row, now) === 'expired' && row.status === 'pending' ? row.expiresAt : now;

/** Whether a deposit may still name this transaction's final_amount now, before the release sweep has run. */
export function isAmountHeld(row: { status: TransactionStatus; expiresAt: Date; amountHeld: boolean; amountHeldUntil: Date | null }, now = new Date()): boolean {
  if (!row.amountHeld) return false;
  const until = row.amountHeldUntil ?? (effectiveStatus(row, now) === 'pending' ? null : amountHeldUntil(leftPendingAt(row, now)));
  return until === null || until.getTime() > now.getTime();
}

/** Gives back the final amounts whose lookback has passed (all merchants', or one's), so create may offer them again. */
export async function releaseHeldAmounts(db: Executor, userId?: string): Promise<void> {
  const scope = userId ? sql`and user_id = ${userId}` : sql``;
  await db.execute(sql`
    update transactions set amount_held = false
    where amount_held and amount_held_until <= now() ${scope}`);
}
