import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt, updatedAt } from './columns';

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
