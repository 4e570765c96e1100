import { and, eq, isNull } from 'drizzle-orm';
import { database, type Transaction } from '@/db/client';
import { withdrawalEvents, withdrawals } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { FAMILY_OF, type NetworkFamily } from '@/lib/currencies/networks';
import { AppError, notFound } from '@/lib/errors';
import type { WithdrawalResponse } from './schemas';
import { transitionWithdrawal } from './transition-withdrawal';
import { visibleWithdrawals } from './withdrawal-access';
import { toWithdrawalResponse } from './withdrawal-view';

/** The families whose payouts KPay signs and sends (TRON's sender is not built yet). */
const PAYOUT_FAMILIES: readonly NetworkFamily[] = ['utxo', 'evm'];

/**
 * The merchant confirms a pending withdrawal a second time (the dashboard asks): approved when that is all it needs;
 * above the operator limit it still waits for an operator (approveWithdrawalAsOperator).
 */
export async function approveWithdrawal(principal: Principal, id: string): Promise<WithdrawalResponse> {
  const db = await database();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(withdrawals).where(visibleWithdrawals(principal, id)).for('update');
    if (!row) throw notFound('Withdrawal');
    if (row.status !== 'pending') throw new AppError('invalid_state', `A ${row.status} withdrawal needs no approval`);
    if (!row.merchantApprovedAt) {
      await tx.update(withdrawals).set({ merchantApprovedAt: new Date() }).where(eq(withdrawals.id, id));
      await tx.insert(withdrawalEvents).values({ withdrawalId: id, type: 'merchant_approved', actor: 'merchant' });
    }
    return toWithdrawalResponse(await approveIfReady(tx, id));
  });
}

/** An operator's approval, for withdrawals above KPAY_WITHDRAWAL_OPERATOR_ABOVE (`npm run withdrawal:approve <id>`). */
export async function approveWithdrawalAsOperator(id: string): Promise<WithdrawalResponse> {
  const db = await database();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(withdrawals)
      .set({ operatorApprovedAt: new Date() })
      .where(and(eq(withdrawals.id, id), eq(withdrawals.status, 'pending'), isNull(withdrawals.operatorApprovedAt)))
      .returning();
    if (!row) throw new AppError('invalid_state', 'No pending withdrawal waiting for an operator has this id');
    await tx.insert(withdrawalEvents).values({ withdrawalId: id, type: 'operator_approved', actor: 'operator' });
    return toWithdrawalResponse(await approveIfReady(tx, id));
  });
}

/**
 * Pending withdrawals with every approval they need move to approved; the job sends them on. A network KPay cannot
 * pay out on yet (TRON) keeps its withdrawals pending, where the merchant can still cancel them and nothing is stuck.
 */
export async function approveIfReady(tx: Transaction, id: string) {
  const [row] = await tx.select().from(withdrawals).where(eq(withdrawals.id, id));
  if (!PAYOUT_FAMILIES.includes(FAMILY_OF[row!.network])) return row!;
  const approvals = (row!.merchantApprovedAt ? 1 : 0) + (row!.operatorApprovedAt ? 1 : 0);
  const ready = row!.approvalsRequired === 0 || (row!.merchantApprovedAt !== null && approvals >= row!.approvalsRequired);
  if (row!.status !== 'pending' || !ready) return row!;
  const moved = await transitionWithdrawal(tx, { where: eq(withdrawals.id, id), to: 'approved', actor: row!.approvalsRequired === 0 ? 'system' : 'merchant' });
  return moved.ok ? moved.row : row!;
}
