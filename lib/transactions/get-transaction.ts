import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { paymentClaims, transactionEvents, transactions } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import type { transactionDetailResponse } from './schemas';
import { toTransactionResponse, visibleTransactions } from './transaction-access';

/** One transaction with its event timeline and the buyer's claims (newest first). */
export async function getTransaction(principal: Principal, id: string): Promise<z.infer<typeof transactionDetailResponse>> {
  const db = await database();
  const [row] = await db.select().from(transactions).where(visibleTransactions(principal, id)).limit(1);
  if (!row) throw notFound('Transaction');
  const [events, claims] = await Promise.all([
    db.select().from(transactionEvents).where(eq(transactionEvents.transactionId, id)).orderBy(asc(transactionEvents.createdAt)),
    db.select().from(paymentClaims).where(eq(paymentClaims.transactionId, id)).orderBy(desc(paymentClaims.createdAt)),
  ]);
  return {
    ...toTransactionResponse(row),
    events: events.map((e) => ({
      type: e.type,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      actor: e.actor,
      data: e.data ?? null,
      created_at: e.createdAt.toISOString(),
    })),
    claims: claims.map((c) => ({
      id: c.id,
      reference: c.reference,
      card_last4: c.cardLast4,
      paid_at: c.paidAt?.toISOString() ?? null,
      created_at: c.createdAt.toISOString(),
    })),
  };
}
