import type { SQL } from 'drizzle-orm';
import { transactions } from '@/db/schema';
import { defineMachine } from '@/lib/state/machine';
import { type SqlNow, stateInSql } from '@/lib/state/state-sql';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { TransactionStatus } from './transaction-statuses';

/**
 * The card-to-card state machine of DESIGN.md: pending -> paid -> verified; pending -> expired | cancelled | failed.
 * Its deadline is the rule "a pending transaction past expires_at reads expired", everywhere at once, before the
 * background sweep stores it: effectiveStatus() below in JS, statusInSql() in SQL, both from this one declaration.
 */
export const transactionMachine = defineMachine<TransactionStatus, WebhookEventType, 'expiresAt'>({
  moves: {
    pending: ['paid', 'expired', 'cancelled', 'failed'],
    // A merchant who finds the money arrived after expiry may still mark it paid (flagged paid_late).
    expired: ['paid'],
    paid: ['verified'],
    verified: [],
    cancelled: [],
    failed: [],
  },
  deadline: { from: ['pending'], at: 'expiresAt', reads: 'expired' },
  // `pending` and `failed` announce none.
  announces: { paid: 'transaction.paid', verified: 'transaction.verified', expired: 'transaction.expired', cancelled: 'transaction.cancelled' },
});

/** "Paid" for the merchant and the buyer: the money arrived. Verified is paid and acknowledged by the shop's server. */
export const PAID_STATUSES = ['paid', 'verified'] as const satisfies readonly TransactionStatus[];

export const canTransition = (from: TransactionStatus, to: TransactionStatus): boolean => transactionMachine.canMove(from, to);

/** The status every read shows: a pending transaction past its expiry reads as expired. */
export const effectiveStatus = (row: { status: TransactionStatus; expiresAt: Date }, now = new Date()): TransactionStatus =>
  transactionMachine.effective(row, now);

export function remainingSeconds(row: { status: TransactionStatus; expiresAt: Date }, now = new Date()): number {
  if (effectiveStatus(row, now) !== 'pending') return 0;
  return Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000));
}

export const isPaid = (status: TransactionStatus): boolean => (PAID_STATUSES as readonly TransactionStatus[]).includes(status);

/**
 * Transactions whose status reads as one of `statuses` at `now` (effectiveStatus as a WHERE condition): "pending" is
 * stored pending and not yet expired, "expired" includes pending rows past their time. `now` is a JS time, or SQL
 * for a statement that fixes its own.
 */
export const statusInSql = (statuses: readonly TransactionStatus[], now: SqlNow = new Date()): SQL =>
  stateInSql(transactionMachine, transactions, statuses, now);

/** Transactions that are paid (isPaid) as a WHERE condition. */
export const isPaidSql = (): SQL => statusInSql(PAID_STATUSES);
