import { database } from '@/db/client';
import { AppError, notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import type { TransactionResponse } from './schemas';
import { actorDataOf, actorOf, toTransactionResponse, visibleTransactions } from './transaction-access';
import { transitionTransaction } from './transition-transaction';

async function changeStatus(principal: Principal, id: string, to: 'paid' | 'cancelled'): Promise<TransactionResponse> {
  const db = await database();
  const result = await db.transaction((tx) =>
    transitionTransaction(tx, {
      where: visibleTransactions(principal, id),
      to,
      actor: actorOf(principal),
      data: actorDataOf(principal),
      // Cancelling stamps closed_at by itself (transition-transaction.ts).
      set: (from) => (to === 'paid' ? { paidAt: new Date(), paidVia: 'merchant', paidLate: from === 'expired' } : {}),
    }),
  );
  if (!result.row) throw notFound('Transaction');
  if (!result.ok) {
    throw new AppError('invalid_state', `Transaction is ${result.from}; it cannot become ${to}`, { status: result.from! });
  }
  return toTransactionResponse(result.row);
}

/** The merchant saw the money arrive: pending (or expired, flagged paid late) -> paid. */
export const confirmTransaction = (principal: Principal, id: string) => changeStatus(principal, id, 'paid');

/** The merchant calls a pending payment off: pending -> cancelled. */
export const cancelTransaction = (principal: Principal, id: string) => changeStatus(principal, id, 'cancelled');
