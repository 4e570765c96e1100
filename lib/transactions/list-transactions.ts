import { and, count, desc, eq, gte, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { dateBoundary } from '@/lib/api/date-boundary';
import { paginate } from '@/lib/api/pagination';
import { transactions } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import type { listTransactionsQuery, transactionListResponse } from './schemas';
import { statusInSql } from './status';
import { toTransactionResponse, visibleTransactions } from './transaction-access';

type Query = z.output<typeof listTransactionsQuery>;

export async function listTransactions(principal: Principal, query: Query): Promise<z.infer<typeof transactionListResponse>> {
  const db = await database();
  const now = new Date();
  const where = and(
    visibleTransactions(principal),
    query.shop_id ? eq(transactions.shopId, query.shop_id) : undefined,
    // A status as the merchant means it: "expired" includes pending rows past their time, "pending" excludes them.
    query.status ? statusInSql([query.status], now) : undefined,
    query.from ? gte(transactions.createdAt, dateBoundary(query.from, false)) : undefined,
    query.to ? lt(transactions.createdAt, dateBoundary(query.to, true)) : undefined,
    query.search ? or(eq(transactions.authority, query.search), eq(transactions.factorNumber, query.search)) : undefined,
  );
  const { rows, ...page } = await paginate(
    query,
    (limit, offset) =>
      db.select().from(transactions).where(where).orderBy(desc(transactions.createdAt), desc(transactions.id)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(transactions).where(where),
  );
  return { transactions: rows.map((r) => toTransactionResponse(r, now)), ...page };
}
