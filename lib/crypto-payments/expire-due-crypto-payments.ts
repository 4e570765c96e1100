import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cryptoPayments } from '@/db/schema';
import { settleDeadlines } from '@/lib/state/transition-all';
import { cryptoPaymentMachine } from './status';
import { cryptoPaymentStates } from './transition-crypto-payment';

/**
 * Stores `expired` for created payments past their time (nothing arrived), with the event row and the
 * crypto_payment.expired webhook, by lib/state's set-based sweep; reads show them expired already.
 */
export async function expireDueCryptoPayments(db: Executor, userId?: string, now = new Date()): Promise<string[]> {
  const moved = await db.transaction((tx) =>
    settleDeadlines(tx, cryptoPaymentMachine, cryptoPaymentStates, { where: userId ? eq(cryptoPayments.userId, userId) : undefined, now }),
  );
  return moved.map(({ row }) => row.id);
}
