import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { database, resultRows } from '@/db/client';
import { shops, transactionDailyTotals, transactionEvents, transactions } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import { visibleShops } from '@/lib/shops/shop-access';
import { countedTotals } from './count-transactions';
import { callerScope, ownedBy, visibleTransactions } from './transaction-access';

/**
 * The overview's periods, as Tehran calendar days ending today: `today` since local midnight, `7d` the last 7 days
 * and `30d` the last 30 (today included), so the 30-day figures are exactly the sum of the daily series.
 */
export const OVERVIEW_PERIODS = ['today', '7d', '30d'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];
const DAYS_BACK: Record<OverviewPeriod, number> = { today: 0, '7d': 6, '30d': 29 };
const SERIES_DAYS = 30;
const RECENT_ACTIVITY_LIMIT = 8;

export interface PeriodFigures {
  /** Transactions that became paid (or verified) in the period, by `paid_at`: when the money arrived. */
  paidCount: number;
  /** What those payments brought in, in Rials. */
  paidVolume: number;
  /**
   * Of the transactions created in the period, how many are paid or verified now. The ratio is a cohort's, so it
   * never passes 100% when an older transaction is paid today.
   */
  conversion: { paid: number; created: number };
}

export interface ShopFigures {
  shopId: string;
  name: string;
  isActive: boolean;
  periods: Record<OverviewPeriod, PeriodFigures>;
  /** Pending and still inside its window; a pending one past `expires_at` is expired, not pending. */
  pendingNow: number;
}

export interface DailyPaidVolume {
  /** The Tehran calendar day, "YYYY-MM-DD" (Gregorian). */
  day: string;
  paidVolume: number;
  paidCount: number;
}

export interface ActivityItem {
  eventId: string;
  /** The event's type: created, claim, paid, verified, expired, cancelled, failed, paid_late. */
  type: string;
  at: Date;
  transactionId: string;
  authority: string;
  shopName: string;
  /** What the buyer transfers (`final_amount`), the same measure as the paid volume. */
  finalAmount: number;
}

export interface TransactionSummary {
  /** Every shop the caller may see, oldest first, with its own figures (whatever `shopId` narrows). */
  shops: ShopFigures[];
  /** The figures of the chosen shop, or of all of them. */
  total: { periods: Record<OverviewPeriod, PeriodFigures>; pendingNow: number };
  /** The last 30 Tehran days, oldest first, a zero for each day without payments. */
  daily: DailyPaidVolume[];
  /** The latest events of the chosen shop's (or all) transactions, newest first. */
  recentActivity: ActivityItem[];
}

/** The Tehran calendar day `daysBack` days before `now`'s, as a date: the key of transaction_daily_totals. */
const tehranDay = (now: SQL, daysBack: number): SQL =>
  sql`(date_trunc('day', ${now} at time zone 'Asia/Tehran') - make_interval(days => ${daysBack}))::date`;

/**
 * Postgres answers sum(bigint) as numeric (read as text here on both drivers), and the total adds the shops' sums;
 * Rials stay below 2^53 by the configured maximum amount, so a sum is an exact integer, or this throws rather than round.
 */
function rials(sum: string | number): number {
  const value = Number(sum);
  if (!Number.isSafeInteger(value)) throw new Error(`Rial sum out of the safe integer range: ${sum}`);
  return value;
}

const byPeriod = (figures: (period: OverviewPeriod) => PeriodFigures) =>
  Object.fromEntries(OVERVIEW_PERIODS.map((period) => [period, figures(period)])) as Record<OverviewPeriod, PeriodFigures>;

const zeroPeriods = () => byPeriod(() => ({ paidCount: 0, paidVolume: 0, conversion: { paid: 0, created: 0 } }));

const addPeriods = (a: Record<OverviewPeriod, PeriodFigures>, b: Record<OverviewPeriod, PeriodFigures>) =>
  byPeriod((period) => ({
    paidCount: a[period].paidCount + b[period].paidCount,
    paidVolume: rials(a[period].paidVolume + b[period].paidVolume),
    conversion: {
      paid: a[period].conversion.paid + b[period].conversion.paid,
      created: a[period].conversion.created + b[period].conversion.created,
    },
  }));

/**
 * A period's four figures as columns named `<period>_<figure>`, summed from the daily totals since the period's first
 * day (a constant PostgreSQL folds once). Days after today count too, as transactions stamped later than `now` did.
 */
function periodColumns(now: SQL, period: OverviewPeriod): SQL {
  const since = sql`${transactionDailyTotals.day} >= ${tehranDay(now, DAYS_BACK[period])}`;
  const column = (figure: string) => sql.identifier(`${period}_${figure}`);
  const d = transactionDailyTotals;
  return sql`
    (coalesce(sum(${d.paidCount}) filter (where ${since}), 0))::int as ${column('paid_count')},
    (coalesce(sum(${d.paidVolume}) filter (where ${since}), 0))::text as ${column('paid_volume')},
    (coalesce(sum(${d.created}) filter (where ${since}), 0))::int as ${column('created')},
    (coalesce(sum(${d.createdPaid}) filter (where ${since}), 0))::int as ${column('created_paid')}`;
}

const periodFigures = (row: Record<string, unknown>, period: OverviewPeriod): PeriodFigures => ({
  paidCount: Number(row[`${period}_paid_count`]),
  paidVolume: rials(String(row[`${period}_paid_volume`])),
  conversion: { paid: Number(row[`${period}_created_paid`]), created: Number(row[`${period}_created`]) },
});

/**
 * The merchant overview: paid count and volume, conversion per period and shop, pending now, a daily paid-volume
 * series and recent activity, all scoped like every other transaction read (a shop API key sees its shop only).
 * `shopId` narrows the total, the series and the activity to one shop; a shop the caller may not see is not found.
 * `now` is the moment the periods end and "pending now" is measured at (tests fix it).
 *
 * Volume is `final_amount`, not `amount`: the buyer transfers final_amount straight to the merchant's card (the
 * order's amount, plus the fee when the buyer pays it, plus the small uniqueness offset) and KPay never holds or
 * deducts from that money, so final_amount is what the merchant actually received. `amount` is the order's price.
 */
export async function summarizeTransactions(principal: Principal, options: { now?: Date; shopId?: string } = {}): Promise<TransactionSummary> {
  const db = await database();
  const now = sql`${(options.now ?? new Date()).toISOString()}::timestamptz`;
  const scope = callerScope(principal);
  const narrowed = options.shopId ? and(visibleTransactions(principal), eq(transactions.shopId, options.shopId))! : visibleTransactions(principal);
  const daily = transactionDailyTotals;
  const dailyOwned = ownedBy(daily, scope);

  const [shopRows, periodRows, pendingRows, dailyRows, activityRows] = await Promise.all([
    db
      .select({ id: shops.id, name: shops.name, isActive: shops.isActive })
      .from(shops)
      .where(visibleShops(principal))
      .orderBy(asc(shops.createdAt), asc(shops.id)),

    // The daily totals the triggers of migration 0015 keep (a row per shop and Tehran day): 30 rows per shop, where
    // summing a month of transactions took 0.25 s at a million rows. Per shop; the total is the shops' sum.
    db.execute(sql`
      select ${daily.shopId} as shop_id, ${sql.join(OVERVIEW_PERIODS.map((period) => periodColumns(now, period)), sql`,`)}
      from ${daily}
      where ${dailyOwned} and ${daily.day} >= ${tehranDay(now, DAYS_BACK['30d'])}
      group by ${daily.shopId}`),

    // Exact from the counters (lib/transactions/count-transactions.ts), as the list's status=pending total.
    countedTotals(db, { scope, status: 'pending', now }),

    db.execute(sql`
      with days as (
        select generate_series(${tehranDay(now, SERIES_DAYS - 1)}, ${tehranDay(now, 0)}, interval '1 day')::date as day
      ),
      paid as (
        select ${daily.day} as day, sum(${daily.paidVolume}) as volume, sum(${daily.paidCount}) as n
        from ${daily}
        where ${dailyOwned} ${options.shopId ? sql`and ${daily.shopId} = ${options.shopId}` : sql``}
          and ${daily.day} >= ${tehranDay(now, SERIES_DAYS - 1)}
        group by 1
      )
      select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(paid.volume, 0)::text as paid_volume, coalesce(paid.n, 0)::int as paid_count
      from days left join paid on paid.day = days.day
      order by days.day`),

    db
      .select({
        eventId: transactionEvents.id,
        type: transactionEvents.type,
        at: transactionEvents.createdAt,
        transactionId: transactions.id,
        authority: transactions.authority,
        shopName: shops.name,
        finalAmount: transactions.finalAmount,
      })
      .from(transactionEvents)
      .innerJoin(transactions, eq(transactions.id, transactionEvents.transactionId))
      .innerJoin(shops, eq(shops.id, transactions.shopId))
      .where(narrowed)
      .orderBy(desc(transactionEvents.createdAt), desc(transactionEvents.id))
      .limit(RECENT_ACTIVITY_LIMIT),
  ]);

  if (options.shopId && !shopRows.some((s) => s.id === options.shopId)) throw notFound('Shop');

  const figures = new Map(
    resultRows<Record<string, unknown> & { shop_id: string }>(periodRows).map((row) => [
      row.shop_id,
      byPeriod((period) => periodFigures(row, period)),
    ]),
  );
  const totalPeriods = options.shopId ? (figures.get(options.shopId) ?? zeroPeriods()) : [...figures.values()].reduce(addPeriods, zeroPeriods());
  const pending = new Map(pendingRows.map((r) => [r.shopId, r.n]));
  const pendingTotal = options.shopId ? (pending.get(options.shopId) ?? 0) : pendingRows.reduce((sum, r) => sum + r.n, 0);

  return {
    shops: shopRows.map((s) => ({
      shopId: s.id,
      name: s.name,
      isActive: s.isActive,
      periods: figures.get(s.id) ?? zeroPeriods(),
      pendingNow: pending.get(s.id) ?? 0,
    })),
    total: { periods: totalPeriods, pendingNow: pendingTotal },
    daily: resultRows<{ day: string; paid_volume: string; paid_count: number }>(dailyRows).map((r) => ({
      day: r.day,
      paidVolume: rials(r.paid_volume),
      paidCount: r.paid_count,
    })),
    recentActivity: activityRows,
  };
}
