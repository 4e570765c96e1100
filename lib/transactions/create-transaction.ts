import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { cards, shops, transactionEvents, transactions } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import { config } from '@/lib/config/config';
import { visibleShops } from '@/lib/shops/shop-access';
import { newAuthority } from './authority';
import { expireDueTransactions } from './expire-due-transactions';
import { callbackUrlFitsWebsite } from './callback-url';
import { releaseHeldAmounts } from './held-amounts';
import { calculateFee, candidateFinalAmounts, chooseFinalAmount, payableAmount } from './money';
import type { createdTransactionResponse, createTransactionInput } from './schemas';
import { actorOf, paymentUrl } from './transaction-access';

type Input = z.output<typeof createTransactionInput>;

export async function createTransaction(principal: Principal, input: Input): Promise<z.infer<typeof createdTransactionResponse>> {
  const c = config();
  if (input.amount < c.minAmount || input.amount > c.maxAmount) {
    throw new AppError('validation_failed', 'Amount is out of range', {
      amount: `Amount must be between ${c.minAmount} and ${c.maxAmount} Rials`,
    });
  }
  const db = await database();
  // The unique index is the guarantee; the per-merchant lock keeps concurrent creates from colliding on it.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${principal.userId}, 0))`);
        const [shop] = await tx
          .select({ isActive: shops.isActive, website: shops.website })
          .from(shops)
          .where(visibleShops(principal, input.shop_id));
        if (!shop) throw notFound('Shop');
        if (!shop.isActive) throw new AppError('invalid_state', 'This shop is deactivated');
        if (!callbackUrlFitsWebsite(input.callback_url, shop.website)) {
          throw new AppError('validation_failed', 'Some fields are invalid', {
            callback_url: `Must be on the shop's website (${new URL(shop.website!).hostname}) or one of its subdomains`,
          });
        }
        const [card] = await tx
          .select({ isActive: cards.isActive })
          .from(cards)
          .where(and(eq(cards.id, input.card_id), eq(cards.userId, principal.userId), isNull(cards.deletedAt)));
        if (!card) throw notFound('Card');
        if (!card.isActive) throw new AppError('invalid_state', 'This card is deactivated');

        // Due expiries start their lookback, and amounts whose lookback has passed come back, before one is chosen.
        await expireDueTransactions(tx, principal.userId);
        await releaseHeldAmounts(tx, principal.userId);
        const fee = calculateFee(input.amount, c.fee);
        const base = payableAmount(input.amount, fee, input.fee_side);
        const range = candidateFinalAmounts(base, c.offset);
        const taken = await tx
          .select({ finalAmount: transactions.finalAmount })
          .from(transactions)
          .where(
            and(
              eq(transactions.userId, principal.userId),
              eq(transactions.amountHeld, true),
              gte(transactions.finalAmount, range.first),
              lte(transactions.finalAmount, range.last),
            ),
          );
        const finalAmount = chooseFinalAmount(base, new Set(taken.map((t) => t.finalAmount)), c.offset);
        if (finalAmount === null) {
          throw new AppError('conflict', 'Too many recent transactions for this amount; try again when earlier ones are settled');
        }
        const now = new Date();
        const [row] = await tx
          .insert(transactions)
          .values({
            userId: principal.userId,
            shopId: input.shop_id,
            cardId: input.card_id,
            authority: newAuthority(),
            amount: input.amount,
            fee,
            feeSide: input.fee_side,
            amountOffset: finalAmount - base,
            finalAmount,
            callbackUrl: input.callback_url,
            description: input.description,
            factorNumber: input.factor_number,
            expiresAt: new Date(now.getTime() + c.transactionTtlMinutes * 60_000),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await tx.insert(transactionEvents).values({
          transactionId: row!.id,
          type: 'created',
          toStatus: 'pending',
          actor: actorOf(principal),
          createdAt: now,
        });
        return {
          id: row!.id,
          authority: row!.authority,
          amount: row!.amount,
          final_amount: row!.finalAmount,
          fee: row!.fee,
          fee_side: row!.feeSide,
          status: row!.status,
          payment_url: paymentUrl(row!.authority),
          expires_at: row!.expiresAt.toISOString(),
        };
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, 'transactions_held_amount_uq')) continue;
      throw error;
    }
  }
}
