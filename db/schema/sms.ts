import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SMS_KINDS } from '@/lib/banking/sms/sms-kinds';
import { SENDER_TRUSTS, SMS_MATCH_STATUSES } from '@/lib/sms/sms-statuses';
import { users } from './accounts';
import { createdAt, updatedAt } from './columns';
import { transactions } from './transactions';

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
    trust: text('trust', { enum: SENDER_TRUSTS }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sms_senders_device_sender_uq').on(t.deviceId, t.sender), index('sms_senders_user_idx').on(t.userId)],
);
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
    kind: text('kind', { enum: SMS_KINDS }).notNull(),
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
