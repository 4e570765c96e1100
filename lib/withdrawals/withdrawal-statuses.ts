/**
 * A withdrawal's statuses (withdrawals.status and the API's `status`): pending (requested, funds reserved) ->
 * approved -> signed (the transaction and its hash stored) -> broadcast -> completed, or failed / cancelled (funds
 * released). The machine is lib/withdrawals/status.ts. No imports: components and db/schema read it.
 */
export const WITHDRAWAL_STATUSES = ['pending', 'approved', 'signed', 'broadcast', 'completed', 'failed', 'cancelled'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];
