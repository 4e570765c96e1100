import { and, asc, eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { cryptoDeposits, cryptoPayments } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { visibleCryptoPayments } from '@/lib/crypto-payments/crypto-payment-access';
import { currencyOf } from '@/lib/currencies/currencies';
import type { DepositStatus } from './deposit-statuses';
import { notFound } from '@/lib/errors';
import { amount, formatAmount } from '@/lib/money';

export interface PaymentDeposit {
  id: string;
  tx_hash: string;
  output_index: number;
  currency: string;
  amount: string;
  status: DepositStatus;
  block_height: number | null;
  confirmations: number;
  seen_at: string;
  confirmed_at: string | null;
}

/** The deposits seen for one of the caller's crypto payments, oldest first (orphaned ones included, marked so). */
export async function listPaymentDeposits(principal: Principal, paymentId: string): Promise<PaymentDeposit[]> {
  const db = await database();
  const [payment] = await db
    .select({ id: cryptoPayments.id })
    .from(cryptoPayments)
    .where(and(visibleCryptoPayments(principal), eq(cryptoPayments.id, paymentId)));
  if (!payment) throw notFound('Payment');
  const rows = await db.select().from(cryptoDeposits).where(eq(cryptoDeposits.paymentId, paymentId)).orderBy(asc(cryptoDeposits.seenAt), asc(cryptoDeposits.id));
  return rows.map((d) => ({
    id: d.id,
    tx_hash: d.txHash,
    output_index: d.outputIndex,
    currency: d.currency,
    amount: formatAmount(amount(d.amount, currencyOf(d.currency).decimals)),
    status: d.status,
    block_height: d.blockHeight,
    confirmations: d.confirmations,
    seen_at: d.seenAt.toISOString(),
    confirmed_at: d.confirmedAt?.toISOString() ?? null,
  }));
}
