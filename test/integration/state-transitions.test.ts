import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { transactionEvents, transactions, webhookDeliveries, webhookEvents } from '@/db/schema';
import { deadlinePassedSql } from '@/lib/state/state-sql';
import { transitionAll } from '@/lib/state/transition-all';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { amountHeldUntil } from '@/lib/transactions/held-amounts';
import { effectiveStatus, isPaid, isPaidSql, statusInSql, transactionMachine } from '@/lib/transactions/status';
import { TRANSACTION_STATUSES, type TransactionStatus } from '@/lib/transactions/transaction-statuses';
import { markTransaction, transactionStates, transitionTransaction } from '@/lib/transactions/transition-transaction';
import { cardToCardMerchant, newWebhook } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

// Tests fix the clock the state code reads; the rows' times are set around it.
const NOW = new Date(Date.now() + 3_600_000);
const MINUTE = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** How a test row is stored before the change under test. */
interface Shape {
  status: TransactionStatus;
  /** expires_at relative to NOW. */
  expiresIn: number;
}

const omit = <T extends object>(value: T, keys: string[]): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as Partial<T>;

/** A merchant with a webhook endpoint for every event, and one transaction per shape, stored in that shape. */
async function merchantWith(shapes: Shape[]) {
  const m = await cardToCardMerchant();
  await newWebhook(m, m.shop, { url: 'http://127.0.0.1:9/hook' });
  const db = await database();
  const ids: string[] = [];
  for (const shape of shapes) {
    const tx = await m.create({ amount: 1_000_000 });
    await db
      .update(transactions)
      .set({ status: shape.status, expiresAt: at(shape.expiresIn), updatedAt: at(-MINUTE) })
      .where(eq(transactions.id, tx.id));
    ids.push(tx.id as string);
  }
  return { userId: m.userId, ids };
}

/**
 * Everything a state change wrote for these transactions, in their order, without what differs between two merchants'
 * otherwise identical transactions (ids, authority, shop, card, creation time): the stored row, the events after
 * creation, the webhook outbox entries with the object they carry, and the deliveries queued for them.
 */
async function written(ids: string[]) {
  const db = await database();
  const out = [];
  for (const id of ids) {
    const [row] = await db.select().from(transactions).where(eq(transactions.id, id));
    const events = await db
      .select()
      .from(transactionEvents)
      .where(and(eq(transactionEvents.transactionId, id), sql`${transactionEvents.type} <> 'created'`))
      .orderBy(asc(transactionEvents.createdAt), asc(transactionEvents.type));
    const outbox = await db
      .select()
      .from(webhookEvents)
      .where(sql`${webhookEvents.body} -> 'data' ->> 'id' = ${id}`)
      .orderBy(asc(webhookEvents.createdAt));
    const deliveries = outbox.length
      ? await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.eventId, outbox.map((e) => e.id)))
      : [];
    out.push({
      state: omit(row!, ['id', 'authority', 'shopId', 'cardId', 'userId', 'createdAt', 'finalAmount', 'amountOffset']),
      events: events.map((e) => omit(e, ['id', 'transactionId'])),
      outbox: outbox.map((e) => ({
        type: e.type,
        bodyType: (e.body as { type: string }).type,
        data: omit((e.body as { data: Record<string, unknown> }).data, ['id', 'authority', 'shop_id', 'card_id', 'payment_url', 'created_at', 'final_amount']),
      })),
      deliveries: deliveries.map((d) => ({ url: d.url, status: d.status, attempts: d.attemptCount })),
    });
  }
  return out;
}

const SHAPES: Shape[] = [
  { status: 'pending', expiresIn: 10 * MINUTE },
  { status: 'pending', expiresIn: -5 * MINUTE },
  // The deadline moment itself already reads expired.
  { status: 'pending', expiresIn: 0 },
  { status: 'expired', expiresIn: -20 * MINUTE },
  { status: 'paid', expiresIn: -20 * MINUTE },
  { status: 'verified', expiresIn: 5 * MINUTE },
  { status: 'cancelled', expiresIn: 5 * MINUTE },
  { status: 'failed', expiresIn: -5 * MINUTE },
];

describe('the rules in JS and in SQL', () => {
  it('select exactly the transactions whose status reads so in JS, for every status and for paid', async () => {
    const { userId, ids } = await merchantWith(SHAPES);
    const db = await database();
    const rows = await db.select().from(transactions).where(eq(transactions.userId, userId));
    const select = async (condition: SQL) =>
      (await db.select({ id: transactions.id }).from(transactions).where(and(eq(transactions.userId, userId), condition))).map((r) => r.id).sort();
    const expectStatuses = (statuses: TransactionStatus[]) => rows.filter((r) => statuses.includes(effectiveStatus(r, NOW))).map((r) => r.id).sort();

    for (const status of TRANSACTION_STATUSES) {
      expect(await select(statusInSql([status], NOW)), status).toEqual(expectStatuses([status]));
    }
    expect(await select(statusInSql(['pending', 'expired'], NOW))).toEqual(expectStatuses(['pending', 'expired']));
    expect(await select(statusInSql(['pending', 'paid'], NOW))).toEqual(expectStatuses(['pending', 'paid']));
    expect(await select(isPaidSql())).toEqual(rows.filter((r) => isPaid(effectiveStatus(r, NOW))).map((r) => r.id).sort());
    // And the shapes above do cover the boundary: the one at its deadline reads expired, the one before pending.
    expect(expectStatuses(['pending'])).toEqual([ids[0]]);
    expect(expectStatuses(['expired']).sort()).toEqual([ids[1], ids[2], ids[3]].sort());
  });
});

describe('set-based changes write what per-row changes write', () => {
  it('the expiry sweep: rows, events and outbox entries as one transition to expired per due row', async () => {
    const perRow = await merchantWith(SHAPES);
    const setBased = await merchantWith(SHAPES);
    const db = await database();
    for (const id of perRow.ids) {
      await db.transaction((tx) =>
        transitionTransaction(tx, {
          where: and(eq(transactions.id, id), deadlinePassedSql(transactionMachine, transactions, NOW))!,
          to: 'expired',
          actor: 'system',
          now: NOW,
        }),
      );
    }
    const swept = await expireDueTransactions(db, setBased.userId, NOW);
    expect(swept.sort()).toEqual([setBased.ids[1], setBased.ids[2]].sort());

    const [a, b] = [await written(perRow.ids), await written(setBased.ids)];
    expect(b).toEqual(a);
    // What both wrote: the due pending rows expired, with the hold and closing stamped, one event and one webhook each.
    for (const i of [1, 2]) {
      expect(b[i]!.state).toMatchObject({
        status: 'expired',
        closedAt: NOW,
        updatedAt: NOW,
        amountHeldUntil: amountHeldUntil(at(SHAPES[i]!.expiresIn)),
      });
      expect(b[i]!.events).toEqual([
        { type: 'expired', fromStatus: 'pending', toStatus: 'expired', actor: 'system', data: null, createdAt: NOW },
      ]);
      expect(b[i]!.outbox).toEqual([
        { type: 'transaction.expired', bodyType: 'transaction.expired', data: expect.objectContaining({ status: 'expired' }) },
      ]);
      expect(b[i]!.deliveries).toEqual([{ url: 'http://127.0.0.1:9/hook', status: 'pending', attempts: 0 }]);
    }
    // Everything else untouched.
    for (const i of [0, 3, 4, 5, 6, 7]) {
      expect(b[i]!.events, String(i)).toEqual([]);
      expect(b[i]!.outbox).toEqual([]);
      expect(b[i]!.state).toMatchObject({ status: SHAPES[i]!.status, updatedAt: at(-MINUTE) });
    }
    // A second sweep finds nothing.
    expect(await expireDueTransactions(db, setBased.userId, NOW)).toEqual([]);
  });

  it.each([
    { to: 'cancelled' as const, actor: 'merchant' as const, data: { session_id: 's' }, set: {} },
    { to: 'paid' as const, actor: 'shop_api' as const, data: { shop_id: 'x' }, set: { paidAt: NOW, paidVia: 'merchant' as const } },
    { to: 'verified' as const, actor: 'shop_api' as const, data: undefined, set: { verifiedAt: NOW } },
  ])('any move ($to): each row judged on its own effective state, in batches', async ({ to, actor, data, set }) => {
    const perRow = await merchantWith(SHAPES);
    const setBased = await merchantWith(SHAPES);
    const db = await database();
    const results = [];
    for (const id of perRow.ids) {
      results.push(await db.transaction((tx) => transitionTransaction(tx, { where: eq(transactions.id, id), to, actor, data, set: () => set, now: NOW })));
    }
    const moved = await db.transaction((tx) =>
      transitionAll(tx, transactionMachine, transactionStates, { where: inArray(transactions.id, setBased.ids), to, actor, data, set, now: NOW, batchSize: 3 }),
    );

    expect(await written(setBased.ids)).toEqual(await written(perRow.ids));
    // The same rows moved, judged from the same states.
    const movedIndexes = moved.map((m) => setBased.ids.indexOf(m.row.id)).sort();
    expect(movedIndexes).toEqual(results.flatMap((r, i) => (r.ok ? [i] : [])));
    expect(moved.map((m) => m.from).sort()).toEqual(results.flatMap((r) => (r.ok ? [r.from] : [])).sort());
    expect(movedIndexes.length).toBeGreaterThan(0);
    expect(results.some((r) => !r.ok && r.reason === 'not_allowed')).toBe(true);
  });

  it('paid from a pending row past its time is recorded from expired, with the hold from its expiry', async () => {
    const { ids } = await merchantWith([{ status: 'pending', expiresIn: -5 * MINUTE }]);
    const db = await database();
    const moved = await db.transaction((tx) =>
      transitionAll(tx, transactionMachine, transactionStates, { where: inArray(transactions.id, ids), to: 'paid', actor: 'merchant', now: NOW }),
    );
    expect(moved.map((m) => m.from)).toEqual(['expired']);
    const [w] = await written(ids);
    expect(w!.state).toMatchObject({ status: 'paid', amountHeldUntil: amountHeldUntil(at(-5 * MINUTE)), closedAt: null });
    expect(w!.events).toEqual([{ type: 'paid', fromStatus: 'expired', toStatus: 'paid', actor: 'merchant', data: null, createdAt: NOW }]);
    expect(w!.outbox.map((e) => e.type)).toEqual(['transaction.paid']);
  });

  it('two sweeps at once store each expiry once', async () => {
    const { userId, ids } = await merchantWith([
      { status: 'pending', expiresIn: -MINUTE },
      { status: 'pending', expiresIn: -2 * MINUTE },
      { status: 'pending', expiresIn: -3 * MINUTE },
    ]);
    const db = await database();
    const [one, two] = await Promise.all([expireDueTransactions(db, userId, NOW), expireDueTransactions(db, userId, NOW)]);
    expect([...one, ...two].sort()).toEqual([...ids].sort());
    for (const w of await written(ids)) {
      expect(w.events.map((e) => e.type)).toEqual(['expired']);
      expect(w.outbox.map((e) => e.type)).toEqual(['transaction.expired']);
    }
  });
});

describe('transition()', () => {
  it('writes nothing when the conditional update loses the race', async () => {
    const { ids } = await merchantWith([{ status: 'pending', expiresIn: 10 * MINUTE }]);
    const id = ids[0]!;
    const db = await database();
    const result = await db.transaction((tx) =>
      transitionTransaction(tx, {
        where: eq(transactions.id, id),
        to: 'paid',
        actor: 'merchant',
        now: NOW,
        // Another writer changes the stored status after the row was read (here, inside the same transaction).
        guard: async () => {
          await tx.update(transactions).set({ status: 'cancelled' }).where(eq(transactions.id, id));
        },
      }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'lost_race', from: 'pending' });
    const [w] = await written(ids);
    expect(w!.state.status).toBe('cancelled');
    expect(w!.state.updatedAt).toEqual(at(-MINUTE));
    expect(w!.events).toEqual([]);
    expect(w!.outbox).toEqual([]);
  });

  it('reports a row it cannot find, and a move the machine refuses, writing nothing', async () => {
    const { ids } = await merchantWith([{ status: 'paid', expiresIn: -MINUTE }]);
    const db = await database();
    const missing = await db.transaction((tx) =>
      transitionTransaction(tx, { where: eq(transactions.id, '00000000-0000-4000-8000-000000000000'), to: 'paid', actor: 'merchant' }),
    );
    expect(missing).toEqual({ ok: false, reason: 'not_found', row: undefined, from: undefined });
    const refused = await db.transaction((tx) => transitionTransaction(tx, { where: eq(transactions.id, ids[0]!), to: 'cancelled', actor: 'merchant' }));
    expect(refused).toMatchObject({ ok: false, reason: 'not_allowed', from: 'paid' });
    const [w] = await written(ids);
    expect(w!.events).toEqual([]);
    expect(w!.state.status).toBe('paid');
  });
});

describe('the paid-late mark', () => {
  it('stores the expiry first, exactly as the sweep would, then the flag and its event without a webhook', async () => {
    const viaMark = await merchantWith([{ status: 'pending', expiresIn: -30 * MINUTE }]);
    const viaSweep = await merchantWith([{ status: 'pending', expiresIn: -30 * MINUTE }]);
    const db = await database();
    const flag = { in: ['expired'] as const, type: 'paid_late', actor: 'sms' as const, data: { sms_id: 'sms-1' }, set: { paidLate: true }, now: NOW };

    const marked = await db.transaction((tx) => markTransaction(tx, { ...flag, where: eq(transactions.id, viaMark.ids[0]!) }));
    expect(marked).toMatchObject({ ok: true, from: 'expired', row: { status: 'expired', paidLate: true } });
    await expireDueTransactions(db, viaSweep.userId, NOW);
    expect(await db.transaction((tx) => markTransaction(tx, { ...flag, where: eq(transactions.id, viaSweep.ids[0]!) }))).toMatchObject({ ok: true });

    const [a] = await written(viaMark.ids);
    expect([a]).toEqual(await written(viaSweep.ids));
    expect(a!.state).toMatchObject({ status: 'expired', paidLate: true, closedAt: NOW, amountHeldUntil: amountHeldUntil(at(-30 * MINUTE)) });
    expect(a!.events).toEqual([
      { type: 'expired', fromStatus: 'pending', toStatus: 'expired', actor: 'system', data: null, createdAt: NOW },
      { type: 'paid_late', fromStatus: null, toStatus: null, actor: 'sms', data: { sms_id: 'sms-1' }, createdAt: NOW },
    ]);
    expect(a!.outbox.map((e) => e.type)).toEqual(['transaction.expired']);
  });

  it('is refused on a transaction that does not read expired, writing nothing', async () => {
    const { ids } = await merchantWith([
      { status: 'paid', expiresIn: -MINUTE },
      { status: 'pending', expiresIn: MINUTE },
    ]);
    const db = await database();
    for (const id of ids) {
      const result = await db.transaction((tx) =>
        markTransaction(tx, { where: eq(transactions.id, id), in: ['expired'], type: 'paid_late', actor: 'sms', set: { paidLate: true }, now: NOW }),
      );
      expect(result).toMatchObject({ ok: false, reason: 'not_allowed' });
    }
    for (const w of await written(ids)) {
      expect(w.events).toEqual([]);
      expect(w.state.paidLate).toBe(false);
    }
  });
});
