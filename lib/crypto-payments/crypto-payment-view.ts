import type { z } from 'zod';
import type { cryptoPayments } from '@/db/schema';
import { config } from '@/lib/config/config';
import { currencyOf } from '@/lib/currencies/currencies';
import { amount, formatAmount } from '@/lib/money';
import type { CryptoPaymentResponse, cryptoPaymentStatusResponse } from './schemas';
import { cryptoPaymentStatus } from './status';

type Row = typeof cryptoPayments.$inferSelect;

export const cryptoPaymentUrl = (id: string): string => `${config().publicUrl}/pay/crypto/${id}`;

/** Base units as the API's decimal string in the payment's currency ("0.00123400"). */
export const formatCryptoUnits = (units: bigint, row: Pick<Row, 'currency'>): string =>
  formatAmount(amount(units, currencyOf(row.currency).decimals));

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The contract's status shape: what anyone holding the id may see (the buyer's page, the shop), nothing private. */
export function toCryptoPaymentStatusResponse(row: Row, now = new Date()): z.infer<typeof cryptoPaymentStatusResponse> {
  return {
    id: row.id,
    order_id: row.orderId,
    currency: row.currency,
    network: row.network,
    status: cryptoPaymentStatus(row, now),
    requested_amount: formatCryptoUnits(row.requestedAmount, row),
    received_amount: row.receivedAmount > 0n ? formatCryptoUnits(row.receivedAmount, row) : null,
    confirmations: row.confirmations,
    required_confirmations: row.requiredConfirmations,
    tx_hash: row.txHash,
    paid_at: iso(row.paidAt),
    deposit_address: row.depositAddress,
    memo: row.memo,
    underpaid: row.underpaid,
    overpaid: row.overpaid,
    paid_late: row.paidLate,
    expires_at: row.expiresAt.toISOString(),
  };
}

/** The merchant's view: the status shape plus pricing, URLs and the shop. */
export function toCryptoPaymentResponse(row: Row, now = new Date()): CryptoPaymentResponse {
  return {
    ...toCryptoPaymentStatusResponse(row, now),
    shop_id: row.shopId,
    payment_url: cryptoPaymentUrl(row.id),
    amount_usd: row.amountUsd,
    amount_irr: row.amountIrr,
    rate:
      row.rateSource && row.rateAt
        ? { usd_per_unit: row.rateUsd, irr_per_usd: row.rateIrr, source: row.rateSource, at: row.rateAt.toISOString() }
        : null,
    callback_success: row.callbackSuccess,
    callback_failed: row.callbackFailed,
    webhook_url: row.webhookUrl,
    created_at: row.createdAt.toISOString(),
  };
}
