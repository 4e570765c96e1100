/**
 * A card-to-card transaction's statuses (transactions.status and the API's `status`). The machine that moves between
 * them is lib/transactions/status.ts. No imports: components, zod schemas and db/schema all read this one list.
 */
export const TRANSACTION_STATUSES = ['pending', 'paid', 'verified', 'expired', 'cancelled', 'failed'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];
