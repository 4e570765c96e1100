/**
 * The ledger's accounts, each kept per merchant and currency. Money enters from `chain_in` (negative: what the chain
 * has paid in) into `pending` when a deposit is seen, moves to `available` when it is confirmed; Step 9 moves it to
 * `reserved` for a withdrawal and on to `chain_out` when sent (with `fees`). Every posting sums to zero. No imports.
 */
export const LEDGER_ACCOUNTS = ['chain_in', 'pending', 'available', 'reserved', 'chain_out', 'fees'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
