import { and, asc, eq, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cryptoDeposits, cryptoPayments } from '@/db/schema';
import type { CryptoPaymentStatus } from '@/lib/crypto-payments/crypto-payment-statuses';
import { cryptoPaymentStatus } from '@/lib/crypto-payments/status';
import { transitionCryptoPayment } from '@/lib/crypto-payments/transition-crypto-payment';

type Payment = typeof cryptoPayments.$inferSelect;
type Deposit = typeof cryptoDeposits.$inferSelect;

/** What a payment's deposits say about it: the status they call for and the figures the contract shows. */
export interface PaymentFromDeposits {
  /** null: the deposits do not move it (none yet, or failed stays failed). */
  status: CryptoPaymentStatus | null;
  received: bigint;
  confirmations: number;
  txHash: string | null;
  underpaid: boolean;
  overpaid: boolean;
  paidLate: boolean;
  /** When the deposits first covered the amount; null while they do not. */
  paidAt: Date | null;
}

/**
 * The rule from deposits to status (DESIGN.md "Crypto payment"), pure: counted are the payment's own currency's
 * deposits not orphaned. Nothing counted: back to created (a reorg took it all; the clock may read it expired).
 * Confirmed deposits cover the amount: completed (more arriving later keeps it so, flagged overpaid). Deposits in
 * blocks cover it: confirming. Otherwise pending: seen in the mempool, or short of the amount (flagged underpaid) until
 * topped up or failed by the top-up window after expiry (failUnderpaidCryptoPayments). Failed stays failed; later money
 * is still credited to the merchant's balance by the ledger.
 */
export function paymentFromDeposits(payment: Payment, all: Deposit[], now = new Date()): PaymentFromDeposits {
  const counted = all.filter((d) => d.status !== 'orphaned' && d.currency === payment.currency);
  const received = counted.reduce((sum, d) => sum + d.amount, 0n);
  const covered = received >= payment.requestedAmount && received > 0n;
  const firstSeen = counted.length ? counted.reduce((a, d) => (d.seenAt < a ? d.seenAt : a), counted[0]!.seenAt) : null;
  const base = {
    received,
    confirmations: counted.length ? Math.min(...counted.map((d) => d.confirmations)) : 0,
    txHash: counted[0]?.txHash ?? null,
    underpaid: received > 0n && !covered,
    overpaid: received > payment.requestedAmount,
    paidLate: firstSeen !== null && firstSeen > payment.expiresAt,
    paidAt: covered ? (payment.paidAt ?? now) : null,
  };
  if (payment.status === 'failed') return { ...base, status: null };
  if (counted.length === 0) return { ...base, status: payment.status === 'created' || payment.status === 'expired' ? null : 'created' };
  const sumOf = (deposits: Deposit[]) => deposits.reduce((sum, d) => sum + d.amount, 0n);
  if (sumOf(counted.filter((d) => d.status === 'confirmed')) >= payment.requestedAmount) return { ...base, status: 'completed' };
  if (sumOf(counted.filter((d) => d.blockHeight !== null)) >= payment.requestedAmount) return { ...base, status: 'confirming' };
  return { ...base, status: 'pending' };
}

/**
 * Brings a payment in line with its deposits, in the caller's database transaction: the figures (received, confirmations,
 * tx hash, flags, paid_at) on the row, and a status move through lib/state (event row and crypto_payment.* webhook)
 * when the deposits call for another status. Called after the watcher records, confirms or orphans deposits.
 */
export async function settleCryptoPayment(tx: Transaction, paymentId: string, now = new Date()): Promise<void> {
  const [payment] = await tx.select().from(cryptoPayments).where(eq(cryptoPayments.id, paymentId)).for('update');
  if (!payment) return;
  const deposits = await tx
    .select()
    .from(cryptoDeposits)
    .where(and(eq(cryptoDeposits.paymentId, paymentId), ne(cryptoDeposits.status, 'orphaned')))
    .orderBy(asc(cryptoDeposits.seenAt), asc(cryptoDeposits.id));
  const target = paymentFromDeposits(payment, deposits, now);
  const figures = {
    receivedAmount: target.received,
    confirmations: target.confirmations,
    txHash: target.txHash,
    underpaid: target.underpaid,
    overpaid: target.overpaid,
    paidLate: target.paidLate,
    paidAt: target.paidAt,
    updatedAt: now,
  };
  const current = cryptoPaymentStatus(payment, now);
  if (target.status && target.status !== current) {
    const moved = await transitionCryptoPayment(tx, {
      where: eq(cryptoPayments.id, paymentId),
      to: target.status,
      actor: 'chain',
      data: { received_amount: target.received.toString(), confirmations: target.confirmations },
      set: () => figures,
      now,
    });
    if (moved.ok) return;
  }
  await tx.update(cryptoPayments).set(figures).where(and(eq(cryptoPayments.id, paymentId), eq(cryptoPayments.status, payment.status)));
}
