import { and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database, type Database } from '@/db/client';
import { dateBoundary } from '@/lib/api/date-boundary';
import { transactions } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { cappedCount, countedTotals, LIST_COUNT_CAP } from './count-transactions';
import type { listTransactionsQuery, transactionListResponse } from './schemas';
import { statusInSql } from './status';
import { type CallerScope, toTransactionResponse, ownedBy } from './transaction-access';
import type { TransactionStatus } from './transaction-statuses';

type Query = z.output<typeof listTransactionsQuery>;

/** Which filters a list request uses: each shape is one pair of prepared statements, its values placeholders. */
interface Shape {
  shopKey: boolean;
  shopId: boolean;
  status?: TransactionStatus;
  from: boolean;
  to: boolean;
  search: boolean;
}

const ph = sql.placeholder;
const NEWEST_FIRST = [desc(transactions.createdAt), desc(transactions.id)];

function prepareList(db: Database, shape: Shape, name: string) {
  const now = sql`${ph('now')}::timestamptz`;
  const scope: CallerScope = shape.shopKey ? { userId: ph('userId'), shopId: ph('keyShopId') } : { userId: ph('userId') };
  const where = and(
    ownedBy(transactions, scope),
    shape.shopId ? eq(transactions.shopId, ph('shopId')) : undefined,
    // A status as the merchant means it: "expired" includes pending rows past their time, "pending" excludes them.
    shape.status ? statusInSql([shape.status], now) : undefined,
    shape.from ? gte(transactions.createdAt, sql`${ph('from')}::timestamptz`) : undefined,
    shape.to ? lt(transactions.createdAt, sql`${ph('to')}::timestamptz`) : undefined,
    shape.search ? or(eq(transactions.authority, ph('search')), eq(transactions.factorNumber, ph('search'))) : undefined,
  );
  // The page's ids first, then their rows: the ids of the skipped pages come from the list index alone (an index-only
  // scan), so page 100 reads 20 rows from the table, not 2,000.
  const pageIds = db.select({ id: transactions.id }).from(transactions).where(where).orderBy(...NEWEST_FIRST).limit(ph('limit')).offset(ph('offset'));
  const page = db.select().from(transactions).where(inArray(transactions.id, pageIds)).orderBy(...NEWEST_FIRST).prepare(`${name}_page`);
  // The counters answer scope, shop and status exactly; text and dates are counted, up to a cap.
  const exact = !shape.from && !shape.to && !shape.search;
  const total = exact
    ? countedTotals(db, { scope, shopId: shape.shopId ? ph('shopId') : undefined, status: shape.status, now }).prepare(`${name}_total`)
    : cappedCount(db, where, ph('countLimit')).prepare(`${name}_total`);
  return { page, total, exact };
}

const prepared = new WeakMap<Database, Map<string, ReturnType<typeof prepareList>>>();

function statementsFor(db: Database, shape: Shape): ReturnType<typeof prepareList> {
  let byShape = prepared.get(db);
  if (!byShape) prepared.set(db, (byShape = new Map()));
  const key = `list_transactions_${shape.shopKey ? 'key' : 'user'}_${shape.status ?? 'any'}_${[shape.shopId, shape.from, shape.to, shape.search].map(Number).join('')}`;
  let statements = byShape.get(key);
  if (!statements) byShape.set(key, (statements = prepareList(db, shape, key)));
  return statements;
}

/**
 * The caller's transactions, newest first, one page. `total` is exact for the filters the counters cover (none, shop,
 * status); with a text search or dates it counts up to `countCap` matches and says when there are more
 * (`total_is_lower_bound`). The export raises the cap to its own row limit.
 */
export async function listTransactions(
  principal: Principal,
  query: Query,
  { countCap = LIST_COUNT_CAP }: { countCap?: number } = {},
): Promise<z.infer<typeof transactionListResponse>> {
  const db = await database();
  const now = new Date();
  const { page, total, exact } = statementsFor(db, {
    shopKey: principal.kind === 'shop',
    shopId: query.shop_id !== undefined,
    status: query.status,
    from: query.from !== undefined,
    to: query.to !== undefined,
    search: query.search !== undefined,
  });
  const values = {
    userId: principal.userId,
    keyShopId: principal.kind === 'shop' ? principal.shopId : undefined,
    shopId: query.shop_id,
    now: now.toISOString(),
    from: query.from && dateBoundary(query.from, false).toISOString(),
    to: query.to && dateBoundary(query.to, true).toISOString(),
    search: query.search,
    limit: query.per_page,
    offset: (query.page - 1) * query.per_page,
    countLimit: countCap + 1,
  };
  const [rows, counted] = await Promise.all([page.execute(values), total.execute(values)]);
  const n = counted.reduce((sum, row) => sum + row.n, 0);
  const lowerBound = !exact && n > countCap;
  return {
    transactions: rows.map((r) => toTransactionResponse(r, now)),
    total: lowerBound ? countCap : n,
    total_is_lower_bound: lowerBound,
    page: query.page,
    per_page: query.per_page,
  };
}
