import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TRANSACTION_STATUSES } from '@/lib/transactions/transaction-statuses';
import { users } from './accounts';
import { cards } from './cards';
import { createdAt, updatedAt } from './columns';
import { shops } from './shops';

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    // Secret, unguessable handle the buyer and the shop use; never sequential.
    authority: text('authority').notNull().unique(),
    // Integer Rials throughout; bigint in the database, safe JS integers in code (bounded by the configured maximum).
    amount: bigint('amount', { mode: 'number' }).notNull(),
    fee: bigint('fee', { mode: 'number' }).notNull(),
    feeSide: text('fee_side', { enum: ['customer', 'merchant'] }).notNull(),
    // Added so that no two transactions of a merchant a deposit SMS could still name ask for the same sum.
    amountOffset: bigint('amount_offset', { mode: 'number' }).notNull(),
    finalAmount: bigint('final_amount', { mode: 'number' }).notNull(),
    // final_amount stays taken while pending and for the matcher's lookback after leaving pending (a late SMS may
    // still name it): amount_held_until is set when it leaves pending, and the release sweep clears amount_held.
    amountHeld: boolean('amount_held').notNull().default(true),
    amountHeldUntil: timestamp('amount_held_until', { withTimezone: true }),
    status: text('status', { enum: TRANSACTION_STATUSES }).notNull().default('pending'),
    // Set when money arrived after the window closed (a late SMS match or a merchant confirming an expired one).
    paidLate: boolean('paid_late').notNull().default(false),
    paidVia: text('paid_via', { enum: ['sms', 'merchant'] }),
    callbackUrl: text('callback_url').notNull(),
    description: text('description'),
    factorNumber: text('factor_number'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The guarantee behind final_amount: one transaction per merchant and sum that a deposit may still name.
    uniqueIndex('transactions_held_amount_uq').on(t.userId, t.finalAmount).where(sql`amount_held`),
    index('transactions_amount_release_idx').on(t.amountHeldUntil).where(sql`amount_held`),
    // Ascending, scanned backwards for "newest first": drizzle's DESC indexes are NULLS LAST, which ORDER BY ... DESC
    // (NULLS FIRST) cannot use.
    index('transactions_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('transactions_user_status_created_idx').on(t.userId, t.status, t.createdAt, t.id),
    index('transactions_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('transactions_user_factor_idx').on(t.userId, t.factorNumber),
    index('transactions_pending_expiry_idx').on(t.expiresAt).where(sql`status = 'pending'`),
    // A deposit SMS looks up the merchant's transactions of exactly its amount, recent first.
    index('transactions_user_amount_created_idx').on(t.userId, t.finalAmount, t.createdAt),
    // The overview's paid figures and daily series read a merchant's payments of the last 30 days by paid_at.
    index('transactions_user_paid_idx').on(t.userId, t.paidAt),
  ],
);

/**
 * How many transactions each merchant has per shop and stored status: the list's exact `total` without count(*).
 * Kept by triggers on `transactions` (migration 0015), in the same database transaction as every insert, status or
 * shop change and delete, whichever code path writes it; never written by the app. Stored `pending` includes the
 * overdue ones a read shows as expired: lib/transactions/count-transactions.ts corrects for those.
 */
export const transactionCounts = pgTable(
  'transaction_counts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    status: text('status', { enum: TRANSACTION_STATUSES }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.shopId, t.status] })],
);

/**
 * The overview's figures per merchant, shop and Tehran calendar day, kept by the same triggers: transactions created
 * that day and how many of those are paid now (the conversion cohort), and payments that arrived that day (by
 * paid_at) with their final_amount. The overview reads 30 rows per shop instead of a month of transactions.
 */
export const transactionDailyTotals = pgTable(
  'transaction_daily_totals',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    created: integer('created').notNull().default(0),
    createdPaid: integer('created_paid').notNull().default(0),
    paidCount: integer('paid_count').notNull().default(0),
    paidVolume: bigint('paid_volume', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.shopId, t.day] })],
);

/** Every state change of a transaction, written in the same database transaction as the change. */
export const transactionEvents = pgTable(
  'transaction_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor', { enum: ['merchant', 'shop_api', 'sms', 'buyer', 'system'] }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('transaction_events_tx_idx').on(t.transactionId, t.createdAt),
    // The overview's recent activity: the newest events first, stopping at the first few of the merchant's
    // (ascending and scanned backwards, like the transactions list indexes).
    index('transaction_events_created_idx').on(t.createdAt, t.id),
  ],
);

/** A buyer's "I have paid" statement, kept for the merchant to review; it never changes the status by itself. */
export const paymentClaims = pgTable(
  'payment_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    cardLast4: text('card_last4').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('payment_claims_tx_idx').on(t.transactionId, t.createdAt)],
);
