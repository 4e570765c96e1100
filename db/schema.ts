import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  // Normalised to 09xxxxxxxxx by lib/banking/mobile.ts before it gets here.
  mobile: text('mobile').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  // Public, stable identifier a merchant can quote to support and integrators; never the internal uuid.
  merchantId: text('merchant_id').notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A sign-in: every refresh-token rotation stays in its session; logout or refresh-token reuse revokes it. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Set when rotated; presenting a token with used_at set is reuse.
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const shops = pgTable(
  'shops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    website: text('website'),
    phone: text('phone'),
    apiKeyHash: text('api_key_hash').notNull().unique(),
    apiKeyHint: text('api_key_hint').notNull(),
    // Signs deliveries that carry their own URL (no endpoint, e.g. a crypto payment's webhook_url); encrypted like
    // endpoint secrets, created on first use, shown to the merchant.
    webhookSecretCiphertext: text('webhook_secret_ciphertext'),
    webhookSecretHint: text('webhook_secret_hint'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('shops_user_idx').on(t.userId, t.createdAt)],
);

export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardNumber: text('card_number').notNull(),
    ownerName: text('owner_name').notNull(),
    // Key into lib/banking/banks.ts; null when the BIN is not a known Iranian bank.
    bankCode: text('bank_code'),
    sheba: text('sheba'),
    isActive: boolean('is_active').notNull().default(true),
    // Soft delete: transactions keep pointing at the card they were paid to.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cards_user_number_live_uq').on(t.userId, t.cardNumber).where(sql`deleted_at is null`),
    index('cards_user_idx').on(t.userId, t.createdAt),
  ],
);

export const TRANSACTION_STATUSES = ['pending', 'paid', 'verified', 'expired', 'cancelled', 'failed'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

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

/** A merchant's phone that forwards bank SMS; authenticated by a token shown once and stored hashed. */
export const smsDevices = pgTable(
  'sms_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    tokenHint: text('token_hint').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('sms_devices_user_idx').on(t.userId, t.createdAt)],
);

/** A sender the merchant trusts (its deposits may pay automatically) or blocks, per forwarder phone. */
export const smsSenders = pgTable(
  'sms_senders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => smsDevices.id, { onDelete: 'cascade' }),
    // As lib/sms/sender-trust.ts normalises it: ASCII digits, lower case, no spaces.
    sender: text('sender').notNull(),
    trust: text('trust', { enum: ['trusted', 'blocked'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sms_senders_device_sender_uq').on(t.deviceId, t.sender), index('sms_senders_user_idx').on(t.userId)],
);

export const SMS_MATCH_STATUSES = ['matched', 'paid_late', 'unmatched', 'needs_review', 'possible_duplicate', 'ignored'] as const;

/** Every SMS a device posted, with what the parser made of it and what it matched. Never deleted. */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => smsDevices.id),
    sender: text('sender').notNull(),
    body: text('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    // The phone gave no usable stamp, or one in the future or far in the past: received_at is KPay's receipt time.
    stampAdjusted: boolean('stamp_adjusted').notNull().default(false),
    // Forwarders retry; the same SMS posted twice (same device, sender, text and stamp) has the same key and is stored once.
    dedupeKey: text('dedupe_key').notNull(),
    // Device, sender and normalised text: the same words again within a short window may be a retry or a second real
    // deposit, so it is kept as possible_duplicate of the first (duplicate_of_id) for the merchant to decide.
    contentKey: text('content_key'),
    duplicateOfId: uuid('duplicate_of_id'),
    kind: text('kind', { enum: ['deposit', 'withdrawal', 'purchase', 'failed', 'otp', 'unknown'] }).notNull(),
    format: text('format'),
    bankCode: text('bank_code'),
    amount: bigint('amount', { mode: 'number' }),
    // The amount's unit was inferred from other words of the text (lib/banking/sms/read-amount.ts): shown, never paid by.
    amountUnitGuessed: boolean('amount_unit_guessed').notNull().default(false),
    // Where the money went as the SMS prints it (masked card, account number), null when it names none.
    destination: text('destination'),
    matchStatus: text('match_status', { enum: SMS_MATCH_STATUSES }).notNull(),
    // Why a deposit waits for the merchant (needs_review): lib/sms/review-reasons.ts.
    reviewReason: text('review_reason'),
    transactionId: uuid('transaction_id').references(() => transactions.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sms_messages_dedupe_uq').on(t.userId, t.dedupeKey),
    index('sms_messages_user_created_idx').on(t.userId, t.createdAt),
    index('sms_messages_content_idx').on(t.userId, t.contentKey, t.createdAt),
  ],
);

export const WEBHOOK_EVENT_TYPES = [
  'transaction.paid',
  'transaction.verified',
  'transaction.expired',
  'transaction.cancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A shop's webhook receiver. The signing secret is stored encrypted (it must be read back to sign). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: jsonb('events').$type<WebhookEventType[]>().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    secretHint: text('secret_hint').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_shop_idx').on(t.shopId)],
);

/** The outbox: one row per event, written in the same database transaction as the change that causes it. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id').references(() => shops.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    // The exact JSON body delivered: id, type, created_at and the object as the API shows it.
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_user_idx').on(t.userId, t.createdAt)],
);

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** One event to one URL: retried with backoff until it succeeds, fails for good, or three days pass. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Null for a delivery that carries its own URL (crypto payments' webhook_url), signed with the shop's webhook secret.
    endpointId: uuid('endpoint_id').references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A worker holds a delivery until this time; if it dies, the delivery is picked up again after it.
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_uq').on(t.eventId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_user_idx').on(t.userId, t.createdAt),
  ],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('webhook_attempts_delivery_attempt_uq').on(t.deliveryId, t.attempt)],
);
