import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database, resultRows } from '@/db/client';
import { transactionCounts, transactionDailyTotals, transactions } from '@/db/schema';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { listTransactionsQuery } from '@/lib/transactions/schemas';
import { statusInSql } from '@/lib/transactions/status';
import { TRANSACTION_STATUSES } from '@/lib/transactions/transaction-statuses';
import { newCard, newShop, newTransaction, registerMerchant, setExpiresAt, type TestShop } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

// The list's `total` comes from counters kept by triggers (migration 0015), not from count(*). Each step below
// changes transactions through a different write path and then compares every total the counters answer with a
// count(*) of what the list's own filter selects, so a counter that drifted by one fails here.

async function merchant() {
  const m = await registerMerchant();
  const shops = [await newShop(m, { name: 'Shop One' }), await newShop(m, { name: 'Shop Two' })] as [TestShop, TestShop];
  const card = await newCard(m);
  const create = (shop: TestShop, amount: number) => newTransaction(m, { shop, card, amount });
  const post = async (path: string) => expect((await m.call('POST', path, { token: m.access_token })).status).toBe(200);
  return { ...m, shops, create, post };
}
type Merchant = Awaited<ReturnType<typeof merchant>>;

/** count(*) of the merchant's transactions that the list's filters select at `now`. */
async function counted(userId: string, shopId: string | undefined, status: (typeof TRANSACTION_STATUSES)[number] | undefined, now: Date) {
  const db = await database();
  const [row] = await db
    .select({ n: count() })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), shopId ? eq(transactions.shopId, shopId) : undefined, status ? statusInSql([status], now) : undefined));
  return row!.n;
}

/** Every total the counters answer (no filter, each shop, each status, both), through the API, against count(*). */
async function expectTotalsExact(m: Merchant) {
  const now = new Date();
  const checked: string[] = [];
  for (const shop of [undefined, ...m.shops]) {
    for (const status of [undefined, ...TRANSACTION_STATUSES]) {
      const params = new URLSearchParams({ per_page: '1', ...(shop && { shop_id: shop.id }), ...(status && { status }) });
      const res = await m.call('GET', `/api/transactions?${params}`, { token: m.access_token });
      expect(res.status).toBe(200);
      const expected = await counted(m.userId, shop?.id, status, now);
      expect({ shop: shop?.name, status, total: res.body.total }).toEqual({ shop: shop?.name, status, total: expected });
      expect(res.body.total_is_lower_bound).toBe(false);
      checked.push(`${shop?.name}/${status}=${expected}`);
      // A shop's key sees its shop only, with the same counters.
      if (shop) {
        const byKey = await m.call('GET', `/api/transactions?${new URLSearchParams({ per_page: '1', ...(status && { status }) })}`, { apiKey: shop.api_key });
        expect(byKey.body.total).toBe(expected);
      }
    }
  }
  // The counters hold exactly the stored statuses, shop by shop; the daily totals what their rule gives each row.
  const db = await database();
  const stored = await db
    .select({ shopId: transactions.shopId, status: transactions.status, n: count() })
    .from(transactions)
    .where(eq(transactions.userId, m.userId))
    .groupBy(transactions.shopId, transactions.status);
  const counters = await db.select().from(transactionCounts).where(eq(transactionCounts.userId, m.userId));
  const key = (r: { shopId: string; status: string }) => `${r.shopId}/${r.status}`;
  expect(Object.fromEntries(counters.filter((c) => c.count !== 0).map((c) => [key(c), c.count]))).toEqual(
    Object.fromEntries(stored.map((s) => [key(s), s.n])),
  );
  const recomputed = resultRows<Record<string, string>>(
    await db.execute(sql`
      select tx.shop_id, t.day::text as day, sum(t.created)::text as created, sum(t.created_paid)::text as created_paid,
        sum(t.paid_count)::text as paid_count, sum(t.paid_volume)::text as paid_volume
      from transactions tx cross join lateral transaction_day_totals(tx.created_at, tx.paid_at, tx.status, tx.final_amount) t
      where tx.user_id = ${m.userId} group by 1, 2`),
  );
  const kept = await db.select().from(transactionDailyTotals).where(eq(transactionDailyTotals.userId, m.userId));
  const dayKey = (shopId: string, day: string) => `${shopId}/${day}`;
  expect(
    Object.fromEntries(
      kept
        .filter((d) => d.created || d.createdPaid || d.paidCount || d.paidVolume)
        .map((d) => [dayKey(d.shopId, d.day), [d.created, d.createdPaid, d.paidCount, d.paidVolume]]),
    ),
  ).toEqual(
    Object.fromEntries(
      recomputed.map((r) => [dayKey(r.shop_id!, r.day!), [Number(r.created), Number(r.created_paid), Number(r.paid_count), Number(r.paid_volume)]]),
    ),
  );
  return checked;
}

describe('transaction totals from the counters', () => {
  it('stay exact through creates, concurrent creates, confirms, cancels, verify, overdue pending, the sweep, paid late and deletes', async () => {
    const m = await merchant();
    const [one, two] = m.shops;
    expect(await expectTotalsExact(m)).toContain('undefined/undefined=0');

    const created = [];
    for (let i = 0; i < 6; i++) created.push(await m.create(i % 2 ? two : one, 100_000 + i * 10_000));
    // 20 at once, across both shops.
    created.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => m.create(i % 3 ? one : two, 500_000 + i * 10_000)))));
    await expectTotalsExact(m);

    const [a, b, c, d, e, f, ...rest] = created as [(typeof created)[0], ...typeof created];
    await m.post(`/api/transactions/${a!.id}/confirm`);
    await m.post(`/api/transactions/${b!.id}/confirm`);
    await m.post(`/api/transactions/${c!.id}/cancel`);
    const verified = await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: a!.authority, amount: a!.amount } });
    expect(verified.status).toBe(200);
    await expectTotalsExact(m);

    // Overdue but not yet swept: stored pending, read (and counted) as expired.
    for (const tx of [d!, e!, f!, ...rest.slice(0, 5)]) await setExpiresAt(tx.authority, new Date(Date.now() - 60_000));
    const overdue = await expectTotalsExact(m);
    expect(overdue).toContain(`undefined/expired=8`);

    // The set-based sweep stores them (one update statement for all eight).
    const db = await database();
    const moved = await expireDueTransactions(db, m.userId);
    expect(moved).toHaveLength(8);
    await expectTotalsExact(m);

    // Paid late: expired -> paid.
    await m.post(`/api/transactions/${d!.id}/confirm`);
    const late = await m.call('GET', `/api/transactions/${d!.id}`, { token: m.access_token });
    expect(late.body).toMatchObject({ status: 'paid', paid_late: true });
    await expectTotalsExact(m);

    // A transaction moved to another shop and one deleted (neither is an app path; the triggers still count them).
    await db.update(transactions).set({ shopId: two.id }).where(eq(transactions.id, e!.id));
    await db.delete(transactions).where(eq(transactions.id, f!.id));
    const final = await expectTotalsExact(m);
    expect(final).toContain('undefined/undefined=25');
  });

  it('are not another merchant’s', async () => {
    const m = await merchant();
    const other = await merchant();
    await m.create(m.shops[0], 200_000);
    await other.create(other.shops[0], 200_000);
    await other.create(other.shops[1], 300_000);
    // Another merchant's shop as a filter is simply nothing.
    const res = await m.call('GET', `/api/transactions?shop_id=${other.shops[0].id}`, { token: m.access_token });
    expect(res.body).toMatchObject({ total: 0, total_is_lower_bound: false, transactions: [] });
    expect((await m.call('GET', '/api/transactions', { token: m.access_token })).body.total).toBe(1);
    // A key's shop and another shop_id of the same merchant: nothing.
    const mixed = await m.call('GET', `/api/transactions?shop_id=${m.shops[1].id}`, { apiKey: m.shops[0].api_key });
    expect(mixed.body.total).toBe(0);
  });

  it('count free text and dates up to a cap and say when the total is only a lower bound', async () => {
    const m = await merchant();
    const txs = [];
    for (let i = 0; i < 5; i++) txs.push(await m.create(m.shops[0], 100_000 + i * 10_000));

    const search = await m.call('GET', `/api/transactions?search=${txs[2]!.authority}`, { token: m.access_token });
    expect(search.body).toMatchObject({ total: 1, total_is_lower_bound: false });
    expect(search.body.transactions.map((t: { id: string }) => t.id)).toEqual([txs[2]!.id]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await m.call('GET', `/api/transactions?from=${today}&per_page=2&page=2`, { token: m.access_token });
    expect(dated.body).toMatchObject({ total: 5, total_is_lower_bound: false, page: 2, per_page: 2 });
    expect(dated.body.transactions.map((t: { id: string }) => t.id)).toEqual([txs[2]!.id, txs[1]!.id]);

    // Above the cap (3 here, 10,000 in the API) a date filter answers the cap and says so; the counters' filters stay exact.
    const capped = await listTransactions(m.principal, listTransactionsQuery.parse({ from: today }), { countCap: 3 });
    expect(capped).toMatchObject({ total: 3, total_is_lower_bound: true });
    expect(capped.transactions).toHaveLength(5);
    const atCap = await listTransactions(m.principal, listTransactionsQuery.parse({ from: today, status: 'pending' }), { countCap: 5 });
    expect(atCap).toMatchObject({ total: 5, total_is_lower_bound: false });
    const exact = await listTransactions(m.principal, listTransactionsQuery.parse({ status: 'pending' }), { countCap: 3 });
    expect(exact).toMatchObject({ total: 5, total_is_lower_bound: false });
  });
});
