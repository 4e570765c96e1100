import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cryptoPayments } from '@/db/schema';
import { config } from '@/lib/config/config';
import { transitionCryptoPayment } from '@/lib/crypto-payments/transition-crypto-payment';

/**
 * Payments paid in part whose top-up window has passed (KPAY_CRYPTO_TOPUP_MINUTES after expires_at) become failed,
 * with the crypto_payment.failed webhook. What did arrive stays credited to the merchant (the ledger), for a refund.
 */
export async function failUnderpaidCryptoPayments(db: Database, now = new Date()): Promise<string[]> {
  const windowEnd = new Date(now.getTime() - config().crypto.topUpWindowMs);
  const due = await db
    .select({ id: cryptoPayments.id })
    .from(cryptoPayments)
    .where(and(inArray(cryptoPayments.status, ['pending', 'confirming']), eq(cryptoPayments.underpaid, true), lt(cryptoPayments.expiresAt, windowEnd)))
    .orderBy(cryptoPayments.id)
    .limit(500);
  const failed: string[] = [];
  for (const { id } of due) {
    const moved = await db.transaction((tx) =>
      transitionCryptoPayment(tx, {
        // Checked again on the locked row: a top-up recorded meanwhile clears the flag.
        where: and(eq(cryptoPayments.id, id), eq(cryptoPayments.underpaid, true), lt(cryptoPayments.expiresAt, windowEnd))!,
        to: 'failed',
        actor: 'system',
        data: { reason: 'underpaid' },
        now,
      }),
    );
    if (moved.ok) failed.push(id);
  }
  return failed;
}
