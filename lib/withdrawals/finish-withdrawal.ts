import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { walletOutputs, withdrawals } from '@/db/schema';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { transitionWithdrawal } from './transition-withdrawal';

type Withdrawal = typeof withdrawals.$inferSelect;

/**
 * A withdrawal's transaction reached its network's confirmations, whatever the family: `completed`, and in the same
 * database transaction the reservation leaves the ledger as withdrawn (`chain_out`, the net amount) and `fees` (the
 * fee charged). On UTXO networks its coins become spent and its change spendable (no rows elsewhere). False when
 * another worker completed (or failed) it first: nothing is posted twice.
 */
export async function completeWithdrawal(tx: Transaction, withdrawal: Withdrawal, confirmations: number): Promise<boolean> {
  const done = await transitionWithdrawal(tx, {
    where: eq(withdrawals.id, withdrawal.id),
    to: 'completed',
    actor: 'chain',
    data: { confirmations },
    set: () => ({ confirmations, completedAt: new Date() }),
  });
  if (!done.ok) return false;
  await postLedger(tx, {
    userId: withdrawal.userId,
    currency: withdrawal.currency,
    reason: 'withdrawal_completed',
    withdrawalId: withdrawal.id,
    lines: [
      { account: 'reserved', amount: -withdrawal.amount },
      { account: 'chain_out', amount: withdrawal.netAmount },
      { account: 'fees', amount: withdrawal.fee },
    ],
  });
  await tx.update(walletOutputs).set({ status: 'spent' }).where(and(eq(walletOutputs.withdrawalId, withdrawal.id), eq(walletOutputs.status, 'spending')));
  await tx.update(walletOutputs).set({ status: 'unspent' }).where(and(eq(walletOutputs.withdrawalId, withdrawal.id), eq(walletOutputs.status, 'unconfirmed')));
  return true;
}

/**
 * Fails a withdrawal whose payment can never reach the chain (refused before inclusion, or reverted): its reservation
 * back to available; on UTXO networks its coins unspent again and its change gone. False when it had already moved.
 */
export async function failWithdrawal(tx: Transaction, withdrawal: Withdrawal, reason: string): Promise<boolean> {
  const failed = await transitionWithdrawal(tx, {
    where: eq(withdrawals.id, withdrawal.id),
    to: 'failed',
    actor: 'system',
    data: { reason },
    set: () => ({ failureReason: reason }),
  });
  if (!failed.ok) return false;
  await postLedger(tx, {
    userId: withdrawal.userId,
    currency: withdrawal.currency,
    reason: 'withdrawal_failed',
    withdrawalId: withdrawal.id,
    lines: move('reserved', 'available', withdrawal.amount),
  });
  await tx.update(walletOutputs).set({ status: 'unspent', withdrawalId: null }).where(and(eq(walletOutputs.withdrawalId, withdrawal.id), eq(walletOutputs.status, 'spending')));
  await tx.delete(walletOutputs).where(and(eq(walletOutputs.withdrawalId, withdrawal.id), eq(walletOutputs.status, 'unconfirmed')));
  return true;
}
