import { and, eq, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { transactions } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { config } from '@/lib/config/config';
import type { TransactionResponse } from './schemas';
import { effectiveStatus } from './status';

/** A caller's scope as values, or as placeholders of a prepared statement (the shop only for an API key). */
export interface CallerScope {
  userId: string | Placeholder;
  shopId?: string | Placeholder;
}

export const callerScope = (principal: Principal): CallerScope =>
  principal.kind === 'shop' ? { userId: principal.userId, shopId: principal.shopId } : { userId: principal.userId };

/**
 * What a caller may see, on any table keyed by merchant and shop (transactions, their counters): all of a user's, or
 * only those of the API key's shop.
 */
export function ownedBy(columns: { userId: AnyPgColumn; shopId: AnyPgColumn }, scope: CallerScope): SQL {
  return scope.shopId === undefined ? eq(columns.userId, scope.userId) : and(eq(columns.userId, scope.userId), eq(columns.shopId, scope.shopId))!;
}

/** The transactions a caller may see: all of a user's, or only those of the API key's shop. */
export function visibleTransactions(principal: Principal, transactionId?: string): SQL {
  const scope = ownedBy(transactions, callerScope(principal));
  return transactionId ? and(scope, eq(transactions.id, transactionId))! : scope;
}

/** Who a merchant-side change is recorded as: the signed-in merchant or the shop's server. */
export const actorOf = (principal: Principal): 'shop_api' | 'merchant' => (principal.kind === 'shop' ? 'shop_api' : 'merchant');

/** Who exactly, for the event row: the shop whose API key acted, or the merchant's session. */
export const actorDataOf = (principal: Principal): Record<string, string> =>
  principal.kind === 'shop' ? { shop_id: principal.shopId } : { session_id: principal.sessionId };

export const paymentUrl = (authority: string): string => `${config().publicUrl}/pay/${authority}`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toTransactionResponse(tx: typeof transactions.$inferSelect, now = new Date()): TransactionResponse {
  return {
    id: tx.id,
    authority: tx.authority,
    shop_id: tx.shopId,
    card_id: tx.cardId,
    amount: tx.amount,
    fee: tx.fee,
    fee_side: tx.feeSide,
    final_amount: tx.finalAmount,
    status: effectiveStatus(tx, now),
    payment_url: paymentUrl(tx.authority),
    callback_url: tx.callbackUrl,
    description: tx.description,
    factor_number: tx.factorNumber,
    paid_late: tx.paidLate,
    paid_via: tx.paidVia,
    expires_at: tx.expiresAt.toISOString(),
    paid_at: iso(tx.paidAt),
    verified_at: iso(tx.verifiedAt),
    created_at: tx.createdAt.toISOString(),
  };
}
