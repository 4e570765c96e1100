/**
 * A crypto deposit's statuses: `seen` (in the mempool or a block, short of the confirmations its payment needs),
 * `confirmed` (enough confirmations: the money is the merchant's to spend), `orphaned` (its block left the best chain
 * and it was not found again). No imports: db/schema and components read it.
 */
export const DEPOSIT_STATUSES = ['seen', 'confirmed', 'orphaned'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];
