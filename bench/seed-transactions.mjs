#!/usr/bin/env node
// Seeds many transactions for one merchant with a single INSERT ... SELECT generate_series, for the list benchmark.
//
//   import { seedTransactions } from './seed-transactions.mjs'     (bench/run.mjs)
//   DATABASE_URL=postgres://... node bench/seed-transactions.mjs <user_id> [count]      (alone; default 1,000,000)
//
// Rows are valid for the schema and the app: unique authorities (24 URL-safe characters like real ones, with a random
// tag per call so a database can be seeded twice), amounts of 10,000..90,000,000 Rials with the default 1% fee,
// created_at spread over the last 90 days, and no pending rows (so the partial unique index on pending final amounts
// cannot be hit): 35% paid, 35% verified, 20% expired, 10% cancelled, with paid_at / verified_at / closed_at to match.
// No transaction_events rows are written: the list endpoint never reads them. The table is VACUUM ANALYZEd afterwards
// (ANALYZE for the planner; VACUUM sets the visibility map so count(*) can be an index-only scan: the steady state
// autovacuum reaches on its own, and no autovacuum starts in the middle of a measurement).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * @param {import('postgres').Sql} sql a postgres.js client on the KPay database
 * @param {{ userId: string, shopId: string, cardId: string, count?: number, days?: number, log?: (s: string) => void }} o
 * @returns {Promise<{ inserted: number, ms: number }>}
 */
export async function seedTransactions(sql, { userId, shopId, cardId, count = 1_000_000, days = 90, log = () => {} }) {
  const started = performance.now();
  const tag = randomBytes(3).toString('hex');
  // Bulk-load speed: in one database transaction, drop the secondary indexes (not the primary key or the unique
  // constraint on authority, which other tables and constraints rely on), insert, and rebuild them from their exact
  // definitions (pg_get_indexdef), so the schema ends as the migrations made it. A rebuilt index is compact, as after
  // a REINDEX; the app is idle meanwhile (the drop takes an exclusive lock on transactions).
  const inserted = await sql.begin(async (tx) => {
    await tx`set local maintenance_work_mem = '256MB'`;
    const indexes = await tx`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
      where i.indrelid = 'transactions'::regclass and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;
    for (const { name } of indexes) await tx.unsafe(`drop index ${name}`);
    const result = await tx`
      insert into transactions (
        user_id, shop_id, card_id, authority, amount, fee, fee_side, amount_offset, final_amount, status, paid_late,
        paid_via, callback_url, description, factor_number, expires_at, paid_at, verified_at, closed_at, created_at,
        updated_at, amount_held)
      select ${userId}, ${shopId}, ${cardId},
        -- 'sd' + a random tag per seeding + 8 hex digits of i + 8 more: 24 characters, unique, like real authorities.
        'sd' || ${tag} || lpad(to_hex(i), 8, '0') || substr(md5(i::text), 1, 8),
        amount, (amount * 100 + 9999) / 10000, 'merchant', 0, amount, status, false,
        case when status in ('paid', 'verified') then 'sms' end,
        'https://shop.example/kpay/callback', null, 'INV-' || i,
        created + interval '15 minutes',
        case when status in ('paid', 'verified') then created + interval '3 minutes' end,
        case when status = 'verified' then created + interval '5 minutes' end,
        case when status in ('expired', 'cancelled') then created + interval '15 minutes' end,
        -- History: none of them is pending, so no deposit SMS may name their amounts any more.
        created, created + interval '5 minutes', false
      from (
        select i,
          (10000 * (1 + floor(random() * 9000)))::bigint as amount,
          case when r < 0.35 then 'paid' when r < 0.70 then 'verified' when r < 0.90 then 'expired' else 'cancelled' end
            as status,
          now() - random() * make_interval(days => ${days}) as created
        from (select i, random() as r from generate_series(1, ${count}::int) as i) as g
      ) as s`;
    log(`inserted ${result.count} rows in ${Math.round(performance.now() - started)} ms`);
    const t = performance.now();
    for (const { def } of indexes) await tx.unsafe(def);
    log(`rebuilt ${indexes.length} indexes in ${Math.round(performance.now() - t)} ms`);
    return result.count;
  });
  const vacuumStarted = performance.now();
  await sql`vacuum (analyze) transactions`;
  log(`vacuum analyze in ${Math.round(performance.now() - vacuumStarted)} ms`);
  return { inserted, ms: Math.round(performance.now() - started) };
}

// Alone: DATABASE_URL=... node bench/seed-transactions.mjs <user_id> [count] (uses the user's newest shop and live card).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [userId, countArg] = process.argv.slice(2);
  if (!process.env.DATABASE_URL || !userId) {
    console.error('usage: DATABASE_URL=postgres://... node bench/seed-transactions.mjs <user_id> [count]');
    process.exit(2);
  }
  const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [shop] = await sql`select id from shops where user_id = ${userId} order by created_at desc limit 1`;
    const [card] = await sql`select id from cards where user_id = ${userId} and deleted_at is null order by created_at desc limit 1`;
    if (!shop || !card) throw new Error(`user ${userId} needs a shop and a card first`);
    await seedTransactions(sql, {
      userId,
      shopId: shop.id,
      cardId: card.id,
      count: countArg ? Number(countArg) : undefined,
      log: (s) => console.log(`seed: ${s}`),
    });
  } catch (error) {
    console.error(`seed: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await sql.end();
  }
}
