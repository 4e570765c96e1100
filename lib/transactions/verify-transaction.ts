import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { transactions } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import type { verifyInput, verifyResponse } from './schemas';
import { actorDataOf, actorOf, visibleTransactions } from './transaction-access';
import { transitionTransaction } from './transition-transaction';

/**
 * The shop's server confirms a payment before delivering: paid -> verified the first time, "already verified" after;
 * both are success, as Zarinpal's 100 and 101. Anything not paid is an error naming its status.
 *
 * Only the shop's own credentials find the transaction (another shop's authority is 404 like an unknown one): an
 * authority of a transaction someone paid to themselves, handed to this shop's callback, verifies nothing here, and a
 * buyer cannot verify first and leave the shop only "already verified".
 */
export async function verifyTransaction(principal: Principal, input: z.output<typeof verifyInput>): Promise<z.infer<typeof verifyResponse>> {
  const db = await database();
  const result = await db.transaction((tx) =>
    transitionTransaction(tx, {
      where: and(visibleTransactions(principal), eq(transactions.authority, input.authority))!,
      to: 'verified',
      actor: actorOf(principal),
      data: actorDataOf(principal),
      set: () => ({ verifiedAt: new Date() }),
      guard: (row) => {
        if (input.amount !== row.amount) {
          throw new AppError('amount_mismatch', 'Amount does not match the transaction', { amount: 'does not match' });
        }
      },
    }),
  );
  const row = result.row;
  if (!row) throw notFound('Transaction');
  const alreadyVerified = !result.ok && result.from === 'verified';
  if (!result.ok && !alreadyVerified) {
    throw new AppError('invalid_state', `Transaction is ${result.from}, not paid`, { status: result.from! });
  }
  return {
    id: row.id,
    authority: row.authority,
    status: 'verified',
    amount: row.amount,
    final_amount: row.finalAmount,
    paid_at: row.paidAt!.toISOString(),
    already_verified: alreadyVerified,
    message: alreadyVerified ? 'Already verified' : 'Verified',
  };
}
