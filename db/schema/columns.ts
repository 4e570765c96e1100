import { timestamp } from 'drizzle-orm/pg-core';

/** The timestamps every table shares; defined once so each table's columns read the same in the migrations. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
