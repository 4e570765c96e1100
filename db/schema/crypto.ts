import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, numeric, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CRYPTO_PAYMENT_STATUSES } from '@/lib/crypto-payments/crypto-payment-statuses';
import { CURRENCY_CODES } from '@/lib/currencies/currencies';
import { DEPOSIT_STATUSES } from '@/lib/deposits/deposit-statuses';
import { LEDGER_ACCOUNTS } from '@/lib/ledger/ledger-accounts';
import { WITHDRAWAL_STATUSES } from '@/lib/withdrawals/withdrawal-statuses';
import { NETWORKS } from '@/lib/currencies/networks';
import { users } from './accounts';
import { createdAt, updatedAt } from './columns';
import { shops } from './shops';

/**
 * Address indexes, one sequence per HD account (lib/wallet/derivation-paths.ts): networks sharing an account (ETH and
 * BSC; the bitcoin and litecoin test chains) share its sequence, so a key is never handed out twice. A sequence never
 * gives a number back, even when the transaction that took it rolls back: a gap, never a reuse.
 */
const addressSequence = (name: string) => pgSequence(name, { startWith: 0, minValue: 0, maxValue: 2_147_483_647, cycle: false });
export const walletIndexBip84Coin0 = addressSequence('wallet_index_bip84_0');
export const walletIndexBip84Coin1 = addressSequence('wallet_index_bip84_1');
export const walletIndexBip84Coin2 = addressSequence('wallet_index_bip84_2');
export const walletIndexBip44Coin60 = addressSequence('wallet_index_bip44_60');
export const walletIndexBip44Coin195 = addressSequence('wallet_index_bip44_195');

/** Every address KPay's wallet has handed out (deposit addresses now; change and hot-wallet addresses later). */
export const walletAddresses = pgTable(
  'wallet_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    address: text('address').notNull(),
    // m/84'/0'/0'/0/7: with the mnemonic, all that is needed to spend from it.
    derivationPath: text('derivation_path').notNull(),
    addressIndex: integer('address_index').notNull(),
    purpose: text('purpose', { enum: ['deposit', 'change', 'hot'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('wallet_addresses_address_uq').on(t.network, t.chain, t.address),
    uniqueIndex('wallet_addresses_path_uq').on(t.derivationPath),
  ],
);

export const cryptoPayments = pgTable(
  'crypto_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    orderId: text('order_id').notNull(),
    // sha256 of the creating request's fields: the same order_id with the same body is a retry, another body a conflict.
    requestHash: text('request_hash').notNull(),
    currency: text('currency', { enum: CURRENCY_CODES }).notNull(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    // Integer base units of the currency (satoshi, wei, sun, token units); numeric(78,0) holds any uint256.
    requestedAmount: numeric('requested_amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    receivedAmount: numeric('received_amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull().default(sql`0`),
    // What the merchant priced it in, if not in the currency itself: USD (2 decimals) or integer Rials.
    amountUsd: numeric('amount_usd', { precision: 20, scale: 2 }),
    amountIrr: bigint('amount_irr', { mode: 'number' }),
    // The conversion, as quoted at creation: USD per unit of the currency, Rials per USD, their source and time.
    rateUsd: text('rate_usd'),
    rateIrr: text('rate_irr'),
    rateSource: text('rate_source'),
    rateAt: timestamp('rate_at', { withTimezone: true }),
    walletAddressId: uuid('wallet_address_id')
      .notNull()
      .references(() => walletAddresses.id),
    depositAddress: text('deposit_address').notNull(),
    memo: text('memo'),
    status: text('status', { enum: CRYPTO_PAYMENT_STATUSES }).notNull().default('created'),
    // Exception flags beside the status, as BTCPay keeps them.
    underpaid: boolean('underpaid').notNull().default(false),
    overpaid: boolean('overpaid').notNull().default(false),
    paidLate: boolean('paid_late').notNull().default(false),
    confirmations: integer('confirmations').notNull().default(0),
    requiredConfirmations: integer('required_confirmations').notNull(),
    txHash: text('tx_hash'),
    callbackSuccess: text('callback_success'),
    callbackFailed: text('callback_failed'),
    webhookUrl: text('webhook_url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crypto_payments_order_uq').on(t.userId, t.orderId),
    uniqueIndex('crypto_payments_address_uq').on(t.walletAddressId),
    index('crypto_payments_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('crypto_payments_user_status_created_idx').on(t.userId, t.status, t.createdAt, t.id),
    index('crypto_payments_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('crypto_payments_created_expiry_idx').on(t.expiresAt).where(sql`status = 'created'`),
  ],
);

/** Every state change of a crypto payment, written in the same database transaction as the change. */
export const cryptoPaymentEvents = pgTable(
  'crypto_payment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => cryptoPayments.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor', { enum: ['merchant', 'shop_api', 'chain', 'system'] }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('crypto_payment_events_payment_idx').on(t.paymentId, t.createdAt)],
);

/** Where each network's watcher has got to: the last block it scanned, on the chain it was scanned on. */
export const chainCursors = pgTable(
  'chain_cursors',
  {
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    height: integer('height').notNull(),
    blockHash: text('block_hash').notNull(),
    // The watcher process holding this network, until when: one runs at a time, and a crashed one's lease runs out.
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.network, t.chain] })],
);

/**
 * The blocks a watcher scanned, recent ones kept: a new block whose parent is not the stored block below it is a reorg,
 * and the watcher walks back through these to the fork point.
 */
export const chainBlocks = pgTable(
  'chain_blocks',
  {
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    height: integer('height').notNull(),
    hash: text('hash').notNull(),
    parentHash: text('parent_hash').notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.network, t.chain, t.height] })],
);

/**
 * Money seen arriving at one of KPay's addresses: one row per transaction output, token log or native transfer, ever.
 * `seen` until its confirmations reach the payment's requirement, then `confirmed`; `orphaned` when its block left the
 * best chain (and it is not in the mempool or a block of the new branch). Amounts in the currency's base units.
 */
export const cryptoDeposits = pgTable(
  'crypto_deposits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    txHash: text('tx_hash').notNull(),
    // UTXO: the output's vout; tokens: the log's index in its block; native EVM and TRON: -1.
    outputIndex: integer('output_index').notNull(),
    walletAddressId: uuid('wallet_address_id')
      .notNull()
      .references(() => walletAddresses.id),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => cryptoPayments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currency: text('currency', { enum: CURRENCY_CODES }).notNull(),
    amount: numeric('amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    status: text('status', { enum: DEPOSIT_STATUSES }).notNull().default('seen'),
    blockHeight: integer('block_height'),
    blockHash: text('block_hash'),
    confirmations: integer('confirmations').notNull().default(0),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crypto_deposits_output_uq').on(t.network, t.chain, t.txHash, t.outputIndex),
    index('crypto_deposits_payment_idx').on(t.paymentId, t.seenAt),
    // The watcher recounts what is not yet final and rolls back what sat in orphaned blocks.
    index('crypto_deposits_open_idx').on(t.network, t.chain, t.blockHeight).where(sql`status = 'seen'`),
    index('crypto_deposits_block_idx').on(t.network, t.chain, t.blockHash),
  ],
);

/**
 * The ledger: append-only, double-entry lines in base units. A posting (one `posting_id`) moves money between a
 * merchant's accounts and the outside world and sums to zero per currency; balances are sums of lines, never a column
 * someone updates. Written in the same database transaction as the deposit or status change that causes it.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postingId: uuid('posting_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currency: text('currency', { enum: CURRENCY_CODES }).notNull(),
    account: text('account', { enum: LEDGER_ACCOUNTS }).notNull(),
    // Signed: what the posting adds to (or takes from) the account.
    amount: numeric('amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    reason: text('reason').notNull(),
    depositId: uuid('deposit_id').references(() => cryptoDeposits.id),
    paymentId: uuid('payment_id').references(() => cryptoPayments.id, { onDelete: 'cascade' }),
    withdrawalId: uuid('withdrawal_id').references((): AnyPgColumn => withdrawals.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_balance_idx').on(t.userId, t.currency, t.account),
    index('ledger_entries_posting_idx').on(t.postingId),
    index('ledger_entries_deposit_idx').on(t.depositId),
  ],
);

/**
 * A merchant's payout to its own wallet. The amount is reserved in the ledger when requested; the signed transaction
 * and its hash are stored before it is broadcast, so a retry sends the same bytes and never pays twice.
 */
export const withdrawals = pgTable(
  'withdrawals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currency: text('currency', { enum: CURRENCY_CODES }).notNull(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    // Base units: amount = fee + net_amount, all three of the currency.
    amount: numeric('amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    fee: numeric('fee', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    netAmount: numeric('net_amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    destinationAddress: text('destination_address').notNull(),
    memo: text('memo'),
    status: text('status', { enum: WITHDRAWAL_STATUSES }).notNull().default('pending'),
    // 0: approved automatically; 1: the merchant confirms again; 2: and an operator.
    approvalsRequired: integer('approvals_required').notNull(),
    merchantApprovedAt: timestamp('merchant_approved_at', { withTimezone: true }),
    operatorApprovedAt: timestamp('operator_approved_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    signedTransaction: text('signed_transaction'),
    txHash: text('tx_hash'),
    confirmations: integer('confirmations').notNull().default(0),
    failureReason: text('failure_reason'),
    broadcastAt: timestamp('broadcast_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('withdrawals_idempotency_uq').on(t.userId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    index('withdrawals_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('withdrawals_open_idx').on(t.status).where(sql`status in ('approved', 'signed', 'broadcast')`),
  ],
);

/** Every state change of a withdrawal, written in the same database transaction as the change. */
export const withdrawalEvents = pgTable(
  'withdrawal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    withdrawalId: uuid('withdrawal_id')
      .notNull()
      .references(() => withdrawals.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor', { enum: ['merchant', 'operator', 'chain', 'system'] }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('withdrawal_events_withdrawal_idx').on(t.withdrawalId, t.createdAt)],
);

/**
 * Coins KPay's UTXO wallet can spend (bitcoin, litecoin): confirmed deposit outputs, and the change of its own
 * withdrawals. A withdrawal takes outputs by a conditional update (unspent -> spending), so two never spend one; they
 * are spent when its transaction confirms, and unspent again if it fails before broadcast.
 */
export const walletOutputs = pgTable(
  'wallet_outputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    txHash: text('tx_hash').notNull(),
    outputIndex: integer('output_index').notNull(),
    walletAddressId: uuid('wallet_address_id')
      .notNull()
      .references(() => walletAddresses.id),
    amount: numeric('amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    // unconfirmed: our own change, waiting for its transaction; orphaned: its deposit's block left the chain.
    status: text('status', { enum: ['unspent', 'unconfirmed', 'spending', 'spent', 'orphaned'] }).notNull(),
    withdrawalId: uuid('withdrawal_id').references((): AnyPgColumn => withdrawals.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('wallet_outputs_outpoint_uq').on(t.network, t.chain, t.txHash, t.outputIndex),
    index('wallet_outputs_unspent_idx').on(t.network, t.chain, t.amount).where(sql`status = 'unspent'`),
  ],
);

/**
 * KPay's EVM addresses that send transactions (ethereum, bsc): each network's hot wallet (role `hot`, one per network
 * and chain: the partial unique index) and the deposit addresses swept into it (role `deposit`). `next_nonce` is the
 * nonce the address's next transaction is signed with: read under this row's lock (select … for update) and moved on
 * in the same database transaction that stores the signed transaction, so no two transactions ever get one nonce.
 * ETH and BSC derive from one HD account: their hot wallets are two addresses (two indexes), so their nonces never meet.
 */
export const evmAccounts = pgTable(
  'evm_accounts',
  {
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    address: text('address').notNull(),
    walletAddressId: uuid('wallet_address_id')
      .notNull()
      .references(() => walletAddresses.id),
    role: text('role', { enum: ['hot', 'deposit'] }).notNull(),
    nextNonce: integer('next_nonce').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.chain, t.address] }),
    uniqueIndex('evm_accounts_hot_uq').on(t.network, t.chain).where(sql`role = 'hot'`),
  ],
);

/**
 * A deposit on an EVM network moved to the hot wallet, once (unique per deposit): `topping_up` while the hot wallet
 * sends the deposit address the gas a token transfer needs, `sweeping` while the transfer to the hot wallet is on its
 * way, then `completed` (its gas cost posted to the ledger) or `failed`; `skipped` when there was nothing to move (the
 * address no longer holds the deposit, or a native deposit does not cover the gas to move it). `network_fee`: every
 * wei of gas the sweep's transactions burned, in the network's native coin.
 */
export const evmSweeps = pgTable(
  'evm_sweeps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    depositId: uuid('deposit_id')
      .notNull()
      .references(() => cryptoDeposits.id),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    currency: text('currency', { enum: CURRENCY_CODES }).notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    // Base units of `currency` the sweep moves (a native sweep: the deposit less the gas of moving it).
    amount: numeric('amount', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    status: text('status', { enum: ['topping_up', 'sweeping', 'completed', 'failed', 'skipped'] }).notNull(),
    gasPrice: numeric('gas_price', { precision: 78, scale: 0, mode: 'bigint' }),
    gasLimit: numeric('gas_limit', { precision: 78, scale: 0, mode: 'bigint' }),
    networkFee: numeric('network_fee', { precision: 78, scale: 0, mode: 'bigint' }),
    reason: text('reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evm_sweeps_deposit_uq').on(t.depositId),
    index('evm_sweeps_open_idx').on(t.network, t.chain, t.fromAddress).where(sql`status in ('topping_up', 'sweeping')`),
  ],
);

/**
 * Every EVM transaction KPay signs (a payout, a gas top-up, a sweep), stored signed before it is sent: a retry sends
 * these very bytes. `signed` (stored, not yet accepted by a node) -> `broadcast` -> `mined` (a receipt: `reverted`
 * when its status was 0), or `failed` (refused before any inclusion: its nonce was handed back). One live transaction
 * per sender and nonce (the partial unique index), whatever the code above it does.
 */
export const evmTransactions = pgTable(
  'evm_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    network: text('network', { enum: NETWORKS }).notNull(),
    chain: text('chain').notNull(),
    fromAddress: text('from_address').notNull(),
    nonce: integer('nonce').notNull(),
    purpose: text('purpose', { enum: ['withdrawal', 'top_up', 'sweep'] }).notNull(),
    withdrawalId: uuid('withdrawal_id').references((): AnyPgColumn => withdrawals.id),
    sweepId: uuid('sweep_id').references((): AnyPgColumn => evmSweeps.id),
    // The transaction's own `to`: the receiver of native coin, or the token contract.
    toAddress: text('to_address').notNull(),
    value: numeric('value', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    // A token transfer's contract and amount (what leaves the sender's token balance); null for native coin.
    tokenContract: text('token_contract'),
    tokenAmount: numeric('token_amount', { precision: 78, scale: 0, mode: 'bigint' }),
    gasLimit: numeric('gas_limit', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    gasPrice: numeric('gas_price', { precision: 78, scale: 0, mode: 'bigint' }).notNull(),
    signedTransaction: text('signed_transaction').notNull(),
    txHash: text('tx_hash').notNull(),
    status: text('status', { enum: ['signed', 'broadcast', 'mined', 'reverted', 'failed'] }).notNull().default('signed'),
    blockNumber: integer('block_number'),
    gasUsed: numeric('gas_used', { precision: 78, scale: 0, mode: 'bigint' }),
    // gas_used × the receipt's effective gas price: what the sender paid the chain.
    networkFee: numeric('network_fee', { precision: 78, scale: 0, mode: 'bigint' }),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evm_transactions_nonce_uq').on(t.network, t.chain, t.fromAddress, t.nonce).where(sql`status <> 'failed'`),
    uniqueIndex('evm_transactions_hash_uq').on(t.network, t.chain, t.txHash).where(sql`status <> 'failed'`),
    index('evm_transactions_open_idx').on(t.network, t.chain, t.fromAddress).where(sql`status in ('signed', 'broadcast')`),
    index('evm_transactions_withdrawal_idx').on(t.withdrawalId),
    index('evm_transactions_sweep_idx').on(t.sweepId),
  ],
);
