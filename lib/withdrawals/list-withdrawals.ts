import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { withdrawals } from '@/db/schema';
import { paginate } from '@/lib/api/pagination';
import type { Principal } from '@/lib/auth/principal';
import { notFound } from '@/lib/errors';
import type { listWithdrawalsQuery, WithdrawalResponse, withdrawalListResponse } from './schemas';
import { visibleWithdrawals } from './withdrawal-access';
import { toWithdrawalResponse } from './withdrawal-view';

/** The merchant's withdrawals, newest first, by status and currency. */
export async function listWithdrawals(principal: Principal, query: z.output<typeof listWithdrawalsQuery>): Promise<z.infer<typeof withdrawalListResponse>> {
  const db = await database();
  const where = and(
    visibleWithdrawals(principal),
    query.status ? eq(withdrawals.status, query.status) : undefined,
    query.currency ? eq(withdrawals.currency, query.currency) : undefined,
  );
  const { rows, ...page } = await paginate(
    query,
    (limit, offset) => db.select().from(withdrawals).where(where).orderBy(desc(withdrawals.createdAt), desc(withdrawals.id)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(withdrawals).where(where),
  );
  return { withdrawals: rows.map(toWithdrawalResponse), ...page };
}

/** One of the merchant's withdrawals; another merchant's is 404 like an unknown one. */
export async function getWithdrawal(principal: Principal, id: string): Promise<WithdrawalResponse> {
  const db = await database();
  const [row] = await db.select().from(withdrawals).where(visibleWithdrawals(principal, id));
  if (!row) throw notFound('Withdrawal');
  return toWithdrawalResponse(row);
}
