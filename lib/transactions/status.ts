import type { TransactionStatus, WebhookEventType } from '@/db/schema';

/** The state machine of DESIGN.md: pending -> paid -> verified; pending -> expired | cancelled | failed. */
const TRANSITIONS: Record<TransactionStatus, readonly TransactionStatus[]> = {
  pending: ['paid', 'expired', 'cancelled', 'failed'],
  // A merchant who finds the money arrived after expiry may still mark it paid (flagged paid_late).
  expired: ['paid'],
  paid: ['verified'],
  verified: [],
  cancelled: [],
  failed: [],
};

export const canTransition = (from: TransactionStatus, to: TransactionStatus): boolean => TRANSITIONS[from].includes(to);

/** The statuses a transition to `to` may start from: the WHERE of its conditional update. */
export const sourcesOf = (to: TransactionStatus): TransactionStatus[] =>
  (Object.keys(TRANSITIONS) as TransactionStatus[]).filter((from) => TRANSITIONS[from].includes(to));

/**
 * A pending transaction past its expiry reads as expired everywhere at once, before the background sweep persists
 * it; every read goes through this.
 */
export function effectiveStatus(row: { status: TransactionStatus; expiresAt: Date }, now = new Date()): TransactionStatus {
  return row.status === 'pending' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}

export function remainingSeconds(row: { status: TransactionStatus; expiresAt: Date }, now = new Date()): number {
  if (effectiveStatus(row, now) !== 'pending') return 0;
  return Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000));
}

export const isPaid = (status: TransactionStatus): boolean => status === 'paid' || status === 'verified';

/** The webhook event a move to `status` announces; `pending` and `failed` announce none. */
export function webhookTypeOf(status: TransactionStatus): WebhookEventType | null {
  return status === 'paid' || status === 'verified' || status === 'expired' || status === 'cancelled' ? `transaction.${status}` : null;
}
