import type { withdrawals } from '@/db/schema';
import { currencyOf } from '@/lib/currencies/currencies';
import { amount, formatAmount } from '@/lib/money';
import type { WithdrawalResponse } from './schemas';

/** The API's view of a withdrawal: the contract's fields, amounts as decimal strings of the currency. */
export function toWithdrawalResponse(row: typeof withdrawals.$inferSelect): WithdrawalResponse {
  const format = (units: bigint) => formatAmount(amount(units, currencyOf(row.currency).decimals));
  return {
    id: row.id,
    currency: row.currency,
    network: row.network,
    amount: format(row.amount),
    fee: format(row.fee),
    net_amount: format(row.netAmount),
    destination_address: row.destinationAddress,
    memo: row.memo,
    status: row.status,
    approvals_required: row.approvalsRequired,
    tx_hash: row.txHash,
    confirmations: row.confirmations,
    failure_reason: row.failureReason,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}
