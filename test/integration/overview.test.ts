import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { transactionEvents, transactions } from '@/db/schema';
import { type Principal, resolvePrincipal } from '@/lib/auth/principal';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { summarizeTransactions } from '@/lib/transactions/summarize-transactions';
import { newCard, newShop, newTransaction, registerMerchant, type TestShop } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

// 00:10 on 11 March 2026 in Tehran (UTC+03:30): "today" began ten minutes ago, at 20:30 UTC the day before.
const NOW = new Date('2026-03-10T20:40:00Z');
const at = (iso: string) => new Date(iso);
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const minutesAfter = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A merchant with the named shops and a card, and the steps its transactions go through here. */
async function merchantWithShops(shopNames: string[]) {
  const m = await registerMerchant();
  const shops: TestShop[] = [];
  for (const name of shopNames) shops.push(await newShop(m, { name }));
  const card = await newCard(m);
  const create = (shop: TestShop, amount: number, feeSide: 'merchant' | 'customer' = 'merchant') =>
    newTransaction(m, { shop, card, amount, fee_side: feeSide });
  const confirm = async (id: string) => expect((await m.call('POST', `/api/transactions/${id}/confirm`, { token: m.access_token })).status).toBe(200);
  const cancel = async (id: string) => expect((await m.call('POST', `/api/transactions/${id}/cancel`, { token: m.access_token })).status).toBe(200);
  const verify = async (tx: { authority: string; amount: number }) =>
    expect((await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: tx.authority, amount: tx.amount } })).status).toBe(200);
  return { ...m, shops, create, confirm, cancel, verify };
}

/** Moves a transaction and its events to the given moments (the API stamps them with the real clock). */
async function setTimes(
  id: string,
  times: { createdAt: Date; expiresAt?: Date; paidAt?: Date; events?: Record<string, Date> },
): Promise<void> {
  const db = await database();
  await db
    .update(transactions)
    .set({
      createdAt: times.createdAt,
      expiresAt: times.expiresAt ?? new Date(times.createdAt.getTime() + 15 * 60_000),
      ...(times.paidAt ? { paidAt: times.paidAt } : {}),
    })
    .where(eq(transactions.id, id));
  const events: Record<string, Date> = { created: times.createdAt, ...(times.paidAt ? { paid: times.paidAt } : {}), ...times.events };
  for (const [type, moment] of Object.entries(events)) {
    await db
      .update(transactionEvents)
      .set({ createdAt: moment })
      .where(and(eq(transactionEvents.transactionId, id), eq(transactionEvents.type, type)));
  }
}

/** Every final amount here is one Toman (10 Rials) above its amount: the smallest offset create chooses. */
const STEP = 10;
const figures = (paidCount: number, paidVolume: number, paid: number, created: number) => ({ paidCount, paidVolume, conversion: { paid, created } });

describe('summarizeTransactions', () => {
  let a: Awaited<ReturnType<typeof merchantWithShops>>;
  let b: Awaited<ReturnType<typeof merchantWithShops>>;
  const tx: Record<string, { id: string; authority: string; amount: number }> = {};

  beforeAll(async () => {
    a = await merchantWithShops(['Shop One', 'Shop Two']);
    const [one, two] = a.shops as [(typeof a.shops)[0], (typeof a.shops)[0]];

    // Expired by the sweep (persisted as expired) 3 days ago, in shop two.
    tx.expired = await a.create(two, 900_000);
    await (await database()).update(transactions).set({ expiresAt: at('2020-01-01T00:00:00Z') }).where(eq(transactions.id, tx.expired.id));
    await expireDueTransactions(await database(), a.principal.userId);

    tx.paidToday = await a.create(one, 1_000_000);
    tx.verifiedYesterday = await a.create(one, 2_000_000);
    tx.customerFee = await a.create(one, 100_000, 'customer');
    tx.outside7d = await a.create(one, 3_000_000);
    tx.outside30d = await a.create(one, 4_000_000);
    tx.pendingNow = await a.create(one, 600_000);
    tx.overdue = await a.create(one, 700_000);
    tx.cancelled = await a.create(one, 800_000);
    tx.latePaid = await a.create(two, 500_000);
    tx.pendingTwo = await a.create(two, 650_000);
    for (const t of [tx.paidToday, tx.verifiedYesterday, tx.customerFee, tx.outside7d, tx.outside30d, tx.latePaid]) await a.confirm(t!.id);
    await a.verify(tx.verifiedYesterday);
    await a.cancel(tx.cancelled.id);

    // Created 23:50 yesterday (Tehran), paid 00:04 today.
    await setTimes(tx.paidToday.id, { createdAt: minutesBefore(20), paidAt: minutesBefore(6) });
    // 23:54 -> 23:55 -> 23:56 yesterday: 20:25 UTC is still 10 March in UTC and in Tehran.
    await setTimes(tx.verifiedYesterday.id, { createdAt: minutesBefore(16), paidAt: minutesBefore(15), events: { verified: minutesBefore(14) } });
    // The 7-day window opens at 00:00 on 5 March in Tehran = 20:30 UTC on 4 March: one minute inside, one outside.
    await setTimes(tx.customerFee.id, { createdAt: at('2026-03-04T20:31:00Z'), paidAt: at('2026-03-04T20:31:00Z') });
    await setTimes(tx.outside7d.id, { createdAt: at('2026-03-04T20:29:00Z'), paidAt: at('2026-03-04T20:29:00Z') });
    // The 30-day window opens at 00:00 on 10 February in Tehran = 20:30 UTC on 9 February.
    await setTimes(tx.outside30d.id, { createdAt: at('2026-02-09T20:00:00Z'), paidAt: at('2026-02-09T20:00:00Z') });
    await setTimes(tx.pendingNow.id, { createdAt: minutesBefore(5), expiresAt: minutesAfter(10) });
    // Still "pending" in its row, but past expires_at: expired for every reader, so not pending now.
    await setTimes(tx.overdue.id, { createdAt: minutesBefore(30), expiresAt: minutesBefore(1) });
    await setTimes(tx.cancelled.id, { createdAt: minutesBefore(8), events: { cancelled: minutesBefore(7) } });
    await setTimes(tx.expired.id, { createdAt: at('2026-03-08T10:00:00Z'), events: { expired: at('2026-03-08T10:15:00Z') } });
    // Created 18 days ago, confirmed (late) today: today's money, last month's cohort.
    await setTimes(tx.latePaid.id, { createdAt: at('2026-02-20T12:00:00Z'), expiresAt: at('2026-02-20T12:15:00Z'), paidAt: minutesBefore(2) });
    await setTimes(tx.pendingTwo.id, { createdAt: minutesBefore(1), expiresAt: minutesAfter(14) });

    // Merchant B lives on the real clock: its figures also exercise the default `now`.
    b = await merchantWithShops(['Shop B']);
    tx.bPaid = await b.create(b.shops[0]!, 7_000_000);
    await b.confirm(tx.bPaid.id);
    tx.bPending = await b.create(b.shops[0]!, 7_500_000);
  });

  it('counts paid volume by final_amount and conversion by cohort, per period, per shop and in total', async () => {
    const summary = await summarizeTransactions(a.principal, { now: NOW });
    expect(summary.total).toEqual({
      periods: {
        today: figures(2, 1_500_000 + 2 * STEP, 0, 3),
        '7d': figures(4, 3_601_000 + 4 * STEP, 3, 8),
        '30d': figures(5, 6_601_000 + 5 * STEP, 5, 10),
      },
      pendingNow: 2,
    });
    expect(summary.shops).toEqual([
      {
        shopId: a.shops[0]!.id,
        name: 'Shop One',
        isActive: true,
        periods: { today: figures(1, 1_000_000 + STEP, 0, 2), '7d': figures(3, 3_101_000 + 3 * STEP, 3, 6), '30d': figures(4, 6_101_000 + 4 * STEP, 4, 7) },
        pendingNow: 1,
      },
      {
        shopId: a.shops[1]!.id,
        name: 'Shop Two',
        isActive: true,
        periods: { today: figures(1, 500_000 + STEP, 0, 1), '7d': figures(1, 500_000 + STEP, 0, 2), '30d': figures(1, 500_000 + STEP, 1, 3) },
        pendingNow: 1,
      },
    ]);
  });

  it('gives 30 zero-filled Tehran days, oldest first, with payments on the Tehran day they happened', async () => {
    const { daily, total } = await summarizeTransactions(a.principal, { now: NOW });
    expect(daily).toHaveLength(30);
    expect(daily[0]!.day).toBe('2026-02-10');
    expect(daily.at(-1)!.day).toBe('2026-03-11');
    const nonZero = daily.filter((d) => d.paidCount > 0);
    expect(nonZero).toEqual([
      { day: '2026-03-04', paidVolume: 3_000_000 + STEP, paidCount: 1 },
      { day: '2026-03-05', paidVolume: 101_000 + STEP, paidCount: 1 },
      { day: '2026-03-10', paidVolume: 2_000_000 + STEP, paidCount: 1 },
      { day: '2026-03-11', paidVolume: 1_500_000 + 2 * STEP, paidCount: 2 },
    ]);
    expect(daily.every((d) => d.paidCount > 0 || d.paidVolume === 0)).toBe(true);
    expect(daily.reduce((sum, d) => sum + d.paidVolume, 0)).toBe(total.periods['30d'].paidVolume);
  });

  it('lists the latest eight events, newest first, with authority, shop and amount', async () => {
    const { recentActivity } = await summarizeTransactions(a.principal, { now: NOW });
    expect(recentActivity.map((e) => [e.type, e.authority, e.shopName, e.finalAmount])).toEqual([
      ['created', tx.pendingTwo!.authority, 'Shop Two', 650_000 + STEP],
      ['paid', tx.latePaid!.authority, 'Shop Two', 500_000 + STEP],
      ['created', tx.pendingNow!.authority, 'Shop One', 600_000 + STEP],
      ['paid', tx.paidToday!.authority, 'Shop One', 1_000_000 + STEP],
      ['cancelled', tx.cancelled!.authority, 'Shop One', 800_000 + STEP],
      ['created', tx.cancelled!.authority, 'Shop One', 800_000 + STEP],
      ['verified', tx.verifiedYesterday!.authority, 'Shop One', 2_000_000 + STEP],
      ['paid', tx.verifiedYesterday!.authority, 'Shop One', 2_000_000 + STEP],
    ]);
    expect(recentActivity[0]).toMatchObject({ transactionId: tx.pendingTwo!.id, at: minutesBefore(1) });
  });

  it('narrows the total, the series and the activity to one shop, and keeps every shop in the breakdown', async () => {
    const two = a.shops[1]!;
    const summary = await summarizeTransactions(a.principal, { now: NOW, shopId: two.id });
    expect(summary.total).toEqual({
      periods: { today: figures(1, 500_000 + STEP, 0, 1), '7d': figures(1, 500_000 + STEP, 0, 2), '30d': figures(1, 500_000 + STEP, 1, 3) },
      pendingNow: 1,
    });
    expect(summary.shops.map((s) => s.name)).toEqual(['Shop One', 'Shop Two']);
    expect(summary.daily.filter((d) => d.paidCount > 0)).toEqual([{ day: '2026-03-11', paidVolume: 500_000 + STEP, paidCount: 1 }]);
    expect(new Set(summary.recentActivity.map((e) => e.shopName))).toEqual(new Set(['Shop Two']));
    expect(summary.recentActivity.map((e) => e.type)).toEqual(['created', 'paid', 'expired', 'created', 'created']);
  });

  it("shows a shop's API key its own shop only", async () => {
    const two = a.shops[1]!;
    const principal = (await resolvePrincipal(new Headers({ 'x-api-key': two.api_key }), 'user_or_key')) as Principal;
    const summary = await summarizeTransactions(principal, { now: NOW });
    expect(summary.shops.map((s) => s.shopId)).toEqual([two.id]);
    expect(summary.total.periods['30d']).toEqual(figures(1, 500_000 + STEP, 1, 3));
    expect(summary.total.pendingNow).toBe(1);
  });

  it("keeps merchants apart: B sees only its own figures and none of A's shops", async () => {
    const summary = await summarizeTransactions(b.principal);
    expect(summary.shops.map((s) => s.name)).toEqual(['Shop B']);
    expect(summary.total.periods.today).toEqual(figures(1, 7_000_000 + STEP, 1, 2));
    expect(summary.total.periods['30d']).toEqual(figures(1, 7_000_000 + STEP, 1, 2));
    expect(summary.total.pendingNow).toBe(1);
    expect(summary.daily.at(-1)).toMatchObject({ paidVolume: 7_000_000 + STEP, paidCount: 1 });
    expect(new Set(summary.recentActivity.map((e) => e.authority))).toEqual(new Set([tx.bPaid!.authority, tx.bPending!.authority]));

    await expect(summarizeTransactions(b.principal, { shopId: a.shops[0]!.id })).rejects.toMatchObject({ code: 'not_found' });
    const forA = JSON.stringify(await summarizeTransactions(a.principal, { now: NOW }));
    for (const secret of [b.shops[0]!.id, 'Shop B', tx.bPaid!.authority, tx.bPending!.authority]) expect(forA).not.toContain(secret);
  });

  it('answers zeros and 30 empty days for a merchant without shops', async () => {
    const fresh = await merchantWithShops([]);
    const summary = await summarizeTransactions(fresh.principal, { now: NOW });
    expect(summary.shops).toEqual([]);
    expect(summary.total).toEqual({ periods: { today: figures(0, 0, 0, 0), '7d': figures(0, 0, 0, 0), '30d': figures(0, 0, 0, 0) }, pendingNow: 0 });
    expect(summary.daily).toHaveLength(30);
    expect(summary.daily.every((d) => d.paidVolume === 0 && d.paidCount === 0)).toBe(true);
    expect(summary.recentActivity).toEqual([]);
  });
});
