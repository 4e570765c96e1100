import { eq, sql } from 'drizzle-orm';
import { database } from '@/db/client';
import { preparedStatement } from '@/db/prepared-statement';
import { transactions } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { CheckResult } from './schemas';
import { effectiveStatus, isPaid, remainingSeconds } from './status';

const checkStatement = preparedStatement((db) =>
  db
    .select({ status: transactions.status, expiresAt: transactions.expiresAt })
    .from(transactions)
    .where(eq(transactions.authority, sql.placeholder('authority')))
    .limit(1)
    .prepare('check_transaction'),
);

/** The cheap read hosted pages poll: one indexed lookup of two columns, a prepared statement. */
export async function checkTransaction(authority: string): Promise<CheckResult> {
  const [row] = await checkStatement(await database()).execute({ authority });
  if (!row) throw notFound('Transaction');
  const status = effectiveStatus(row);
  return { authority, status, is_paid: isPaid(status), remaining_seconds: remainingSeconds(row) };
}
