import { eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { transactions } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { CheckResult } from './schemas';
import { effectiveStatus, isPaid, remainingSeconds } from './status';

/** The cheap read hosted pages poll: one indexed lookup of three columns. */
export async function checkTransaction(authority: string): Promise<CheckResult> {
  const db = await database();
  const [row] = await db
    .select({ status: transactions.status, expiresAt: transactions.expiresAt })
    .from(transactions)
    .where(eq(transactions.authority, authority))
    .limit(1);
  if (!row) throw notFound('Transaction');
  const status = effectiveStatus(row);
  return { authority, status, is_paid: isPaid(status), remaining_seconds: remainingSeconds(row) };
}
