import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { config } from '@/lib/config/config';

/**
 * A final_amount stays taken while its transaction is pending and for the SMS matcher's lookback after it left
 * pending, because a deposit SMS for it may still arrive: until then no new transaction of the merchant may ask for
 * the same sum (the unique index on held amounts), or a late deposit for the old one would pay the new one.
 */
export const amountHeldUntil = (leftPendingAt: Date): Date => new Date(leftPendingAt.getTime() + config().sms.lookbackMs);

/** The same rule in SQL, for set-based updates: `amount_held_until = <this>` when rows leave pending now. */
export const amountHeldUntilSql = () => sql`now() + make_interval(secs => ${config().sms.lookbackMs / 1000})`;

/** Gives back the final amounts whose lookback has passed (all merchants', or one's), so create may offer them again. */
export async function releaseHeldAmounts(db: Executor, userId?: string): Promise<void> {
  const scope = userId ? sql`and user_id = ${userId}` : sql``;
  await db.execute(sql`
    update transactions set amount_held = false
    where amount_held and amount_held_until <= now() ${scope}`);
}
