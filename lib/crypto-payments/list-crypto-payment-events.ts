import { and, asc, eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { cryptoPaymentEvents, cryptoPayments } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { notFound } from '@/lib/errors';
import { visibleCryptoPayments } from './crypto-payment-access';

export interface CryptoPaymentEvent {
  /** The status moved to (pending, confirming, …), or created, or a flag raised beside the status (paid_late, …). */
  type: string;
  from_status: string | null;
  to_status: string | null;
  /** merchant, shop_api, chain or system. */
  actor: string;
  data: Record<string, unknown> | null;
  created_at: string;
}

/**
 * A crypto payment's event timeline, oldest first: every state change and flag, as lib/state wrote it beside the change.
 * Scoped like the payment itself: another merchant's payment (or another shop's, for an API key) is not found, exactly
 * like an unknown id. Every payment has its `created` event, so no rows means the caller may not see it.
 */
export async function listCryptoPaymentEvents(principal: Principal, paymentId: string): Promise<CryptoPaymentEvent[]> {
  const db = await database();
  const rows = await db
    .select({
      type: cryptoPaymentEvents.type,
      fromStatus: cryptoPaymentEvents.fromStatus,
      toStatus: cryptoPaymentEvents.toStatus,
      actor: cryptoPaymentEvents.actor,
      data: cryptoPaymentEvents.data,
      createdAt: cryptoPaymentEvents.createdAt,
    })
    .from(cryptoPaymentEvents)
    .innerJoin(cryptoPayments, eq(cryptoPayments.id, cryptoPaymentEvents.paymentId))
    .where(and(visibleCryptoPayments(principal), eq(cryptoPaymentEvents.paymentId, paymentId)))
    .orderBy(asc(cryptoPaymentEvents.createdAt));
  if (rows.length === 0) {
    const [visible] = await db
      .select({ id: cryptoPayments.id })
      .from(cryptoPayments)
      .where(and(visibleCryptoPayments(principal), eq(cryptoPayments.id, paymentId)));
    if (!visible) throw notFound('Payment');
  }
  return rows.map((e) => ({
    type: e.type,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    data: e.data ?? null,
    created_at: e.createdAt.toISOString(),
  }));
}
