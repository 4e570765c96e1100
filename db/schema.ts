import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
