import { eq, sql } from 'drizzle-orm';
import { database } from '@/db/client';
import { preparedStatement } from '@/db/prepared-statement';
import { cards, shops, transactions } from '@/db/schema';
import { bankByCode } from '@/lib/banking/banks';
import { authorityParams, type PaymentInfo } from './schemas';
import { effectiveStatus, remainingSeconds } from './status';

export interface PaymentPage {
  info: PaymentInfo;
  /** Where the hosted page sends the buyer back (with authority and status=OK|NOK). */
  callbackUrl: string;
  /** Brand colour of the destination card's bank, for the card tile. */
  bankColor: string;
  /** The whole payment window, for the countdown ring's proportion. */
  totalSeconds: number;
}

const paymentStatement = preparedStatement((db) =>
  db
    .select({ tx: transactions, card: cards, shopName: shops.name })
    .from(transactions)
    .innerJoin(cards, eq(cards.id, transactions.cardId))
    .innerJoin(shops, eq(shops.id, transactions.shopId))
    .where(eq(transactions.authority, sql.placeholder('authority')))
    .limit(1)
    .prepare('get_payment_page'),
);

/** The buyer's view of a transaction by its authority, or null when no transaction has it. */
export async function getPaymentPage(authority: string): Promise<PaymentPage | null> {
  // Junk in the URL names nothing; no need to ask the database.
  if (!authorityParams.shape.authority.safeParse(authority).success) return null;
  const [row] = await paymentStatement(await database()).execute({ authority });
  if (!row) return null;
  const { tx, card } = row;
  const bank = bankByCode(card.bankCode);
  return {
    info: {
      authority: tx.authority,
      amount: tx.amount,
      final_amount: tx.finalAmount,
      fee: tx.fee,
      fee_side: tx.feeSide,
      status: effectiveStatus(tx),
      card_number: card.cardNumber,
      owner_name: card.ownerName,
      bank_name: bank?.nameFa ?? '',
      bank_name_en: bank?.nameEn ?? '',
      shop_name: row.shopName,
      description: tx.description,
      factor_number: tx.factorNumber,
      remaining_seconds: remainingSeconds(tx),
      expires_at: tx.expiresAt.toISOString(),
    },
    callbackUrl: tx.callbackUrl,
    bankColor: bank?.color ?? '#0f766e',
    totalSeconds: Math.round((tx.expiresAt.getTime() - tx.createdAt.getTime()) / 1000),
  };
}
