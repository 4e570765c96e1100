import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { cryptoPayments } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { notFound } from '@/lib/errors';
import { toCryptoPaymentResponse, toCryptoPaymentStatusResponse } from './crypto-payment-view';
import type { CryptoPaymentResponse, cryptoPaymentStatusResponse } from './schemas';
import { visibleCryptoPayments } from './crypto-payment-access';

/** The contract's public status read: anyone holding the (unguessable) id sees the status shape, nothing private. */
export async function getCryptoPaymentStatus(id: string): Promise<z.infer<typeof cryptoPaymentStatusResponse>> {
  const db = await database();
  const [row] = await db.select().from(cryptoPayments).where(eq(cryptoPayments.id, id));
  if (!row) throw notFound('Payment');
  return toCryptoPaymentStatusResponse(row);
}

/**
 * The merchant's read of one of its payments. Another merchant's id is 404 exactly like an unknown one: a shop that
 * checks the payment named in a callback with its own key can never be shown someone else's completed payment.
 */
export async function getCryptoPayment(principal: Principal, id: string): Promise<CryptoPaymentResponse> {
  const db = await database();
  const [row] = await db.select().from(cryptoPayments).where(and(visibleCryptoPayments(principal), eq(cryptoPayments.id, id)));
  if (!row) throw notFound('Payment');
  return toCryptoPaymentResponse(row);
}

/** GET /gateway/payments/{id}: the merchant's view for its own credentials, the public status shape without any. */
export const readCryptoPayment = (principal: Principal | null, id: string) =>
  principal ? getCryptoPayment(principal, id) : getCryptoPaymentStatus(id);
