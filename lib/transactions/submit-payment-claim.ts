import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { paymentClaims, transactionEvents, transactions } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { config } from '@/lib/config/config';
import type { paymentClaimInput, paymentClaimResponse } from './schemas';
import { effectiveStatus } from './status';

/**
 * Records the buyer's "I have paid" for the merchant to review; the status changes only by SMS or the merchant. Also
 * after expiry, during the SMS lookback: a buyer who paid at the last minute is exactly who needs to be heard.
 */
export async function submitPaymentClaim(
  authority: string,
  input: z.output<typeof paymentClaimInput>,
): Promise<z.infer<typeof paymentClaimResponse>> {
  const db = await database();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(transactions).where(eq(transactions.authority, authority)).limit(1);
    if (!row) throw notFound('Transaction');
    const status = effectiveStatus(row);
    const lookbackOver = Date.now() > row.expiresAt.getTime() + config().sms.lookbackMs;
    if (status !== 'pending' && (status !== 'expired' || lookbackOver)) {
      throw new AppError('invalid_state', `Transaction is ${status}`, { status });
    }
    const [claim] = await tx
      .insert(paymentClaims)
      .values({
        transactionId: row.id,
        reference: input.reference,
        cardLast4: input.card_last4,
        paidAt: input.paid_at ? new Date(input.paid_at) : null,
      })
      .returning();
    await tx.insert(transactionEvents).values({
      transactionId: row.id,
      type: 'claim',
      actor: 'buyer',
      data: { reference: claim!.reference, card_last4: claim!.cardLast4 },
    });
    return {
      id: claim!.id,
      reference: claim!.reference,
      card_last4: claim!.cardLast4,
      paid_at: claim!.paidAt?.toISOString() ?? null,
      created_at: claim!.createdAt.toISOString(),
    };
  });
}
