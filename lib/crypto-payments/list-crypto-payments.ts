import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { cryptoPayments } from '@/db/schema';
import { dateBoundary } from '@/lib/api/date-boundary';
import { paginate } from '@/lib/api/pagination';
import type { Principal } from '@/lib/auth/principal';
import { visibleCryptoPayments } from './crypto-payment-access';
import { toCryptoPaymentResponse } from './crypto-payment-view';
import type { cryptoPaymentListResponse, listCryptoPaymentsQuery } from './schemas';
import { cryptoPaymentStatusInSql } from './status';

type Query = z.output<typeof listCryptoPaymentsQuery>;

/** The caller's crypto payments, newest first, filtered as the merchant means the status (created past expiry is expired). */
export async function listCryptoPayments(principal: Principal, query: Query): Promise<z.infer<typeof cryptoPaymentListResponse>> {
  const db = await database();
  const now = new Date();
  const where = and(
    visibleCryptoPayments(principal),
    query.shop_id ? eq(cryptoPayments.shopId, query.shop_id) : undefined,
    query.status ? cryptoPaymentStatusInSql([query.status], now) : undefined,
    query.currency ? eq(cryptoPayments.currency, query.currency) : undefined,
    query.order_id ? eq(cryptoPayments.orderId, query.order_id) : undefined,
    query.from ? gte(cryptoPayments.createdAt, dateBoundary(query.from, false)) : undefined,
    query.to ? lt(cryptoPayments.createdAt, dateBoundary(query.to, true)) : undefined,
  );
  const { rows, ...page } = await paginate(
    query,
    (limit, offset) =>
      db.select().from(cryptoPayments).where(where).orderBy(desc(cryptoPayments.createdAt), desc(cryptoPayments.id)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(cryptoPayments).where(where),
  );
  return { payments: rows.map((r) => toCryptoPaymentResponse(r, now)), ...page };
}
