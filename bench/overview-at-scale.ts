// The merchant dashboard's overview (`summarizeTransactions`) on one merchant with a million transactions, timed
// through the app's own lib code and database client, with EXPLAIN (ANALYZE, BUFFERS) of each statement it sends.
// See bench/README.md.
//
//   node --conditions=react-server --import tsx bench/overview-at-scale.ts
//
// Environment (all optional): BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_SEED_ROWS
// (1000000), BENCH_KEEP_DB=1 (do not drop the database; its URL is printed).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SEED_ROWS = Number(process.env.BENCH_SEED_ROWS || 1_000_000);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const WARMUP_CALLS = 3;
const TIMED_CALLS = 20;

const log = (s: string) => console.log(`overview-bench: ${s}`);

const dbName = `kpay_overview_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kpay-overview-bench-'));

// The app reads its configuration on first use: everything it needs is set before any app module is imported.
Object.assign(process.env, {
  DATABASE_URL: dbUrl,
  KPAY_DATA_DIR: dataDir,
  KPAY_JWT_SECRET: randomBytes(32).toString('hex'),
  NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
  KPAY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  KPAY_JOBS: 'off',
  LOG_LEVEL: 'silent',
});

// seed-transactions.mjs is plain JavaScript, which the type checker does not read (allowJs is off): it is imported by
// URL below, with its signature declared here.
interface SeedModule {
  seedTransactions(
    sql: postgres.Sql,
    options: { userId: string; shopId: string; cardId: string; count?: number; log?: (s: string) => void },
  ): Promise<{ inserted: number; ms: number }>;
}

/** Median and p95 (nearest rank) of `TIMED_CALLS` calls after `WARMUP_CALLS` untimed ones, in ms. */
async function time(call: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP_CALLS; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < TIMED_CALLS; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const rank = (q: number) => ms[Math.ceil(q * ms.length) - 1]!;
  return { median: rank(0.5), p95: rank(0.95) };
}

/**
 * The seeder writes no events (the list never reads them), but the overview's recent activity does: one event per
 * state change, stamped as the app stamps them (created at created_at, paid at paid_at, verified at verified_at,
 * expired or cancelled at closed_at), about 2.35 events per transaction.
 */
async function seedEvents(sql: postgres.Sql): Promise<number> {
  const result = await sql`
    insert into transaction_events (transaction_id, type, from_status, to_status, actor, created_at)
    select id, 'created', null, 'pending', 'shop_api', created_at from transactions
    union all
    select id, 'paid', 'pending', 'paid', 'sms', paid_at from transactions where paid_at is not null
    union all
    select id, 'verified', 'paid', 'verified', 'shop_api', verified_at from transactions where verified_at is not null
    union all
    select id, status, 'pending', status, case status when 'expired' then 'system' else 'merchant' end, closed_at
    from transactions where status in ('expired', 'cancelled')`;
  await sql`vacuum (analyze) transaction_events`;
  return result.count;
}

async function main(): Promise<void> {
  const { closeDatabase, database, installDatabase, openPostgres } = await import('@/db/client');
  const schema = await import('@/db/schema');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { registerInput } = await import('@/lib/auth/schemas');
  const { createUser } = await import('@/lib/auth/register-user');
  const { startSession } = await import('@/lib/auth/start-session');
  const { resolvePrincipal } = await import('@/lib/auth/principal');
  const { createShopInput } = await import('@/lib/shops/schemas');
  const { createShop } = await import('@/lib/shops/create-shop');
  const { addCardInput } = await import('@/lib/cards/schemas');
  const { addCard } = await import('@/lib/cards/add-card');
  const { summarizeTransactions } = await import('@/lib/transactions/summarize-transactions');
  const { listTransactionsQuery } = await import('@/lib/transactions/schemas');
  const { listTransactions } = await import('@/lib/transactions/list-transactions');
  const { seedTransactions } = (await import(pathToFileURL(path.join(__dirname, 'seed-transactions.mjs')).href)) as SeedModule;

  const handle = openPostgres(dbUrl);
  try {
    await handle.migrate();
    installDatabase(handle);

    const userId = await createUser(registerInput.parse({ name: 'Overview Bench', mobile: '09120000000', password: 'bench-password-1' }));
    const { access_token } = await startSession(await database(), userId);
    const principal = await resolvePrincipal(new Headers({ authorization: `Bearer ${access_token}` }), 'user');
    if (principal.kind !== 'user') throw new Error('expected a user principal');
    const shop = await createShop(principal, createShopInput.parse({ name: 'Bench Shop' }));
    const card = await addCard(principal, addCardInput.parse({ card_number: '6104331234567890', owner_name: 'Bench Owner' }));

    const seeded = await seedTransactions(sql, { userId, shopId: shop.id, cardId: card.id, count: SEED_ROWS, log: (s) => log(`seed: ${s}`) });
    log(`seeded ${seeded.inserted} transactions in ${seeded.ms} ms`);
    // The seeder draws created_at at random, so its rows lie on disk in no time order; a real table is appended as
    // payments are created. Ordering it by creation time gives range scans on recent days the locality they have in
    // production (the last 30 days are then a third of the table's pages, not scattered over all of them).
    const clusterStarted = performance.now();
    await sql`cluster transactions using transactions_user_created_idx`;
    await sql`vacuum (analyze) transactions`;
    log(`clustered by created_at in ${Math.round(performance.now() - clusterStarted)} ms`);
    const eventsStarted = performance.now();
    log(`seeded ${await seedEvents(sql)} events in ${Math.round(performance.now() - eventsStarted)} ms`);
    // Writes the seeding left in shared buffers now, not while the calls are being timed.
    await sql`checkpoint`;
    const [shape] = await sql`
      select count(*)::int as last_30_days, count(*) filter (where status in ('paid', 'verified'))::int as paid_last_30_days
      from transactions where created_at >= now() - interval '30 days'`;
    log(`${shape!.last_30_days} transactions created in the last 30 days, ${shape!.paid_last_30_days} of them paid`);

    const timings = [
      { name: 'summarizeTransactions, all shops', ...(await time(() => summarizeTransactions(principal))) },
      { name: 'summarizeTransactions, shopId', ...(await time(() => summarizeTransactions(principal, { shopId: shop.id }))) },
      { name: 'listTransactions, page 1', ...(await time(() => listTransactions(principal, listTransactionsQuery.parse({})))) },
    ];
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`\n${SEED_ROWS.toLocaleString('en')} rows, ${WARMUP_CALLS} warm-up + ${TIMED_CALLS} timed calls each, load average ${load}\n`);
    console.log('| call | median ms | p95 ms |\n|---|---:|---:|');
    for (const t of timings) console.log(`| ${t.name} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} |`);

    // The statements exactly as the function sends them: a call through a client that logs every query, then
    // EXPLAIN (ANALYZE, BUFFERS) of each with its parameters.
    for (const [variant, options] of [['all shops', {}], ['shopId', { shopId: shop.id }]] as const) {
      const statements: { query: string; params: unknown[] }[] = [];
      const logging = postgres(dbUrl, { max: 10, onnotice: () => {} });
      try {
        const db = drizzle(logging, { schema, logger: { logQuery: (query, params) => statements.push({ query, params }) } });
        installDatabase({ ...handle, db: db as unknown as typeof handle.db });
        await summarizeTransactions(principal, options);
      } finally {
        installDatabase(handle);
        await logging.end();
      }
      for (const [i, { query, params }] of statements.entries()) {
        console.log(`\n--- ${variant}: statement ${i + 1} of ${statements.length} ---\n${query.replace(/\s+/g, ' ').trim()}\n`);
        const plan = await sql.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[]);
        for (const row of plan) console.log(row['QUERY PLAN']);
      }
    }
  } finally {
    await closeDatabase();
  }
}

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
// Seeding and EXPLAIN; connects on first use, once the database exists.
const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
let created = false;
let cleaning: Promise<void> | undefined;

/** Drops the database (unless kept) and the temp folder, once, whether the run ends, fails or is interrupted. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await sql.end({ timeout: 0 });
    if (created && KEEP_DB) log(`kept database ${dbUrl}`);
    else if (created) {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e: Error) => log(`could not drop ${dbName}: ${e.message}`));
    }
    await admin.end();
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function run(): Promise<void> {
  try {
    await admin.unsafe(`create database "${dbName}"`);
    created = true;
    log(`database ${dbName}`);
    await main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void run();
