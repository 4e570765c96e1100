import { and, eq, gte, ne, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cards, smsMessages, transactions } from '@/db/schema';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';
import { destinationFitsCard, parseSmsDestination } from '@/lib/banking/sms/sms-destination';
import { classifySmsSender } from '@/lib/banking/sms/sms-sender';
import { config } from '@/lib/config/config';
import { isAmountHeld } from '@/lib/transactions/held-amounts';
import { effectiveStatus, isPaid } from '@/lib/transactions/status';
import { markTransaction, type TransitionResult, transitionTransaction } from '@/lib/transactions/transition-transaction';
import type { ReviewReason } from './review-reasons';
import { senderTrustOf } from './sender-trust';

type SmsRow = typeof smsMessages.$inferSelect;
type MatchStatus = SmsRow['matchStatus'];

export interface DepositOutcome {
  matchStatus: MatchStatus;
  transactionId: string | null;
  reviewReason: ReviewReason | null;
}

const outcome = (matchStatus: MatchStatus, transactionId: string | null = null, reviewReason: ReviewReason | null = null): DepositOutcome => ({
  matchStatus,
  transactionId,
  reviewReason,
});

/**
 * Decides what a stored deposit SMS does, inside the caller's database transaction, and does it. It pays a
 * transaction automatically only when every one of these holds, and is otherwise kept for the merchant, never dropped:
 * - the sender is not a person's mobile number and the merchant trusts it on this phone (else needs_review);
 * - the phone's stamp was present and believable, and the amount's unit printed beside it or Rials (else needs_review);
 * - it is not the same text as an SMS of the lookback without the same stamp (else possible_duplicate);
 * - exactly one transaction of the merchant holds this final_amount (held from creation until the SMS lookback after
 *   it left pending, so no other transaction can ask for the same sum meanwhile), else unmatched;
 * - the card or account the SMS names, if any, is that transaction's card (else needs_review);
 * - the deposit was stamped after the transaction was created, and no later than expires_at + grace (then even an
 *   expired transaction becomes paid on time); later than that it is kept as paid late for the merchant;
 * - no other deposit SMS paid it: losing that race leaves this deposit unmatched (it is somebody's real money); only a
 *   merchant's confirmation without a deposit SMS yet may absorb it.
 */
export async function applyDeposit(tx: Transaction, sms: SmsRow): Promise<DepositOutcome> {
  if (sms.kind !== 'deposit' || sms.amount === null) return outcome(sms.kind === 'deposit' ? 'unmatched' : 'ignored');
  const sender = classifySmsSender(sms.sender);
  if (sender.kind === 'personal_mobile') return outcome('needs_review', null, 'personal_sender');
  const trust = await senderTrustOf(tx, sms.deviceId, sender.normalized);
  if (trust === 'blocked') return outcome('ignored', null, 'blocked_sender');
  if (trust !== 'trusted') return outcome('needs_review', null, 'untrusted_sender');
  if (sms.stampAdjusted) return outcome('needs_review', null, 'unreliable_stamp');
  if (sms.amountUnitGuessed) return outcome('needs_review', null, 'amount_unit_guessed');
  // The same words again shortly after, without the same stamp: a retry or a second real deposit; the merchant decides.
  if (sms.duplicateOfId) return outcome('possible_duplicate');

  // Locked: a concurrent deposit or confirmation of the same transaction waits here and then sees what this one did.
  const [found] = await tx
    .select({ transaction: transactions, card: { cardNumber: cards.cardNumber, sheba: cards.sheba } })
    .from(transactions)
    .innerJoin(cards, eq(cards.id, transactions.cardId))
    .where(and(eq(transactions.userId, sms.userId), eq(transactions.finalAmount, sms.amount), eq(transactions.amountHeld, true)))
    .limit(1)
    .for('update', { of: transactions });
  if (!found || !isAmountHeld(found.transaction)) return outcome('unmatched');
  const { transaction: candidate, card } = found;

  const destination = parseSmsDestination(sms.destination);
  if (destination && !destinationFitsCard(destination, card)) return outcome('needs_review', null, 'destination_mismatch');
  const at = sms.receivedAt.getTime();
  if (at < candidate.createdAt.getTime()) return outcome('unmatched');
  if (await hasDepositSms(tx, candidate.id, sms.id)) return outcome('unmatched');

  const status = effectiveStatus(candidate);
  if ((status === 'pending' || status === 'expired') && depositOnTime(sms.receivedAt, candidate)) {
    const result = await markPaidByDeposit(tx, {
      where: eq(transactions.id, candidate.id),
      deposit: { smsId: sms.id, paidAt: sms.receivedAt },
      actor: 'sms',
      // Stamped inside the window: on time, even when the sweep already stored it expired.
      paidLate: () => false,
    });
    return result.ok ? outcome('matched', candidate.id) : outcome('unmatched');
  }
  if (status === 'expired') {
    // Money after the window closed: kept beside the transaction for the merchant to accept (or refund). The flag
    // goes through lib/state like a move: an expiry the sweep has not stored yet is stored first, as the sweep would.
    const late = await markTransaction(tx, {
      where: eq(transactions.id, candidate.id),
      in: ['expired'],
      type: 'paid_late',
      actor: 'sms',
      data: { sms_id: sms.id },
      set: { paidLate: true },
    });
    return late.ok ? outcome('paid_late', candidate.id) : outcome('unmatched');
  }
  // The merchant confirmed it by hand before the SMS came: this deposit is that payment, unless another deposit of this
  // sum reached KPay since the transaction was created (held for review, say): then the confirmation may stand on
  // that one, and this one may be the buyer paying twice. Left for the merchant, not absorbed.
  if (isPaid(status) && candidate.paidVia === 'merchant' && !(await otherDepositSince(tx, sms, candidate.createdAt))) {
    return outcome('matched', candidate.id);
  }
  return outcome('unmatched');
}

/** A deposit stamped no later than expires_at + grace pays on time: bank SMS reach the phone a little after the transfer. */
export const depositOnTime = (depositAt: Date, transaction: { expiresAt: Date }): boolean =>
  depositAt.getTime() <= transaction.expiresAt.getTime() + config().sms.graceMs;

/**
 * A deposit SMS pays a transaction: the same transition, event data (`sms_id`) and transaction.paid webhook whether
 * the matcher found the transaction or the merchant linked it by hand.
 */
export function markPaidByDeposit(
  tx: Transaction,
  args: {
    where: SQL;
    /** paidAt: when the money arrived, as the SMS tells. */
    deposit: { smsId: string; paidAt: Date };
    actor: 'sms' | 'merchant' | 'shop_api';
    paidLate: (from: TransactionStatus) => boolean;
    /** Recorded in the event beside sms_id. */
    data?: Record<string, unknown>;
  },
): Promise<TransitionResult> {
  return transitionTransaction(tx, {
    where: args.where,
    to: 'paid',
    actor: args.actor,
    data: { sms_id: args.deposit.smsId, ...args.data },
    set: (from) => ({ paidAt: args.deposit.paidAt, paidVia: 'sms', paidLate: args.paidLate(from) }),
  });
}

/** Whether another deposit SMS of the same merchant and sum reached KPay at or after `since`. */
async function otherDepositSince(tx: Transaction, sms: SmsRow, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: smsMessages.id })
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.userId, sms.userId),
        eq(smsMessages.amount, sms.amount!),
        eq(smsMessages.kind, 'deposit'),
        ne(smsMessages.id, sms.id),
        gte(smsMessages.createdAt, since),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether a deposit SMS (other than `exceptSmsId`) already names this transaction, matched or paid late: one deposit per payment. */
export async function hasDepositSms(tx: Transaction, transactionId: string, exceptSmsId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: smsMessages.id })
    .from(smsMessages)
    .where(and(eq(smsMessages.transactionId, transactionId), exceptSmsId ? ne(smsMessages.id, exceptSmsId) : undefined))
    .limit(1);
  return rows.length > 0;
}
