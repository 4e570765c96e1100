import type { Principal } from '@/lib/auth/principal';
import { database } from '@/db/client';
import { AppError, notFound } from '@/lib/errors';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import type { WithdrawalResponse } from './schemas';
import { transitionWithdrawal } from './transition-withdrawal';
import { visibleWithdrawals } from './withdrawal-access';
import { toWithdrawalResponse } from './withdrawal-view';

/** The merchant takes back a withdrawal still pending (nothing signed): cancelled, and the reservation released. */
export async function cancelWithdrawal(principal: Principal, id: string): Promise<WithdrawalResponse> {
  const db = await database();
  return db.transaction(async (tx) => {
    const moved = await transitionWithdrawal(tx, { where: visibleWithdrawals(principal, id), to: 'cancelled', actor: 'merchant' });
    if (!moved.ok) {
      if (moved.reason === 'not_found') throw notFound('Withdrawal');
      throw new AppError('invalid_state', `A ${moved.from} withdrawal can no longer be cancelled`);
    }
    await postLedger(tx, {
      userId: moved.row.userId,
      currency: moved.row.currency,
      reason: 'withdrawal_cancelled',
      withdrawalId: moved.row.id,
      lines: move('reserved', 'available', moved.row.amount),
    });
    return toWithdrawalResponse(moved.row);
  });
}
