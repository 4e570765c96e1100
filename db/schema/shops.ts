import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt, updatedAt } from './columns';

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
