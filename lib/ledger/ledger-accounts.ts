/**
 * The ledger's accounts, each kept per merchant and currency. Money enters from `chain_in` (negative: what the chain
 * has paid in) into `pending` when a deposit is seen, moves to `available` when it is confirmed; Step 9 moves it to
 * `reserved` for a withdrawal and on to `chain_out` when sent (with `fees`). `network_fees` is the operator's side: gas
 * KPay itself burns moving a merchant's deposit into the hot wallet (EVM sweeps), paid out of `fees`; no merchant
 * balance reads it. Every posting sums to zero. No imports.
 */
export const LEDGER_ACCOUNTS = ['chain_in', 'pending', 'available', 'reserved', 'chain_out', 'fees', 'network_fees'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
