#!/usr/bin/env node
// KPay benchmark suite: the real app (`node scripts/start.mjs`) and bench/baseline-server.mjs side by side, in one run,
// on a fresh PostgreSQL database that is dropped at the end. See bench/README.md.
//
//   npm run build && node bench/run.mjs
//
// Environment (all optional): BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_APP_PORT (3300),
// BENCH_BASELINE_PORT (3301), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (50),
// BENCH_SEED_ROWS (1000000), BENCH_PREWARM (8 s, once per server before anything is measured),
// BENCH_KEEP_DB=1 (do not drop the database; its URL is printed).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { seedTransactions } from './seed-transactions.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = process.env;
const ADMIN_URL = env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_PORT = Number(env.BENCH_APP_PORT || 3300);
const BASE_PORT = Number(env.BENCH_BASELINE_PORT || 3301);
const DURATION = Number(env.BENCH_DURATION || 10);
const WARMUP = Number(env.BENCH_WARMUP || 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS || 50);
const SEED_ROWS = Number(env.BENCH_SEED_ROWS || 1_000_000);
const PREWARM = Number(env.BENCH_PREWARM ?? 8);
const CARD_NUMBER = '6104331234567890';
const CALLBACK = 'https://shop.example/kpay/callback';

const log = (s) => console.log(`bench: ${s}`);
const started = Date.now();

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error(`bench: no production build in ${path.join(root, '.next')}. Run \`npm run build\` first, then \`node bench/run.mjs\`.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Resources, all released in cleanup(): the database, two process groups, a temp dir, postgres.js clients.
const dbName = `kpay_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kpay-bench-'));
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
let db; // a client on the bench database (seeding, plans)
let dbCreated = false;
const children = [];
let cleaning;

function cleanup() {
  cleaning ??= (async () => {
    for (const child of children) await stopGroup(child);
    await db?.end({ timeout: 2 }).catch(() => {});
    if (dbCreated && env.BENCH_KEEP_DB !== '1') {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    } else if (dbCreated) {
      log(`kept database ${dbUrl}`);
    }
    await admin.end({ timeout: 2 }).catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

/** Spawns a server in its own process group (next start leaves next-server children behind a plain kill). */
function startServer(name, args, extraEnv) {
  const logFile = path.join(tmp, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...env, ...extraEnv },
  });
  closeSync(fd);
  child.benchName = name;
  child.logFile = logFile;
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  children.push(child);
  return child;
}

async function stopGroup(child) {
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {}
  };
  // The leader may be gone while others of its group (next-server) are not: the group is signalled either way.
  if (child.exitCode !== null || child.signalCode !== null) return kill('SIGKILL');
  kill('SIGTERM');
  const done = await Promise.race([child.exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) kill('SIGKILL');
  // Children of the group (next-server) may outlive the leader by a moment; make sure the group is gone.
  await sleep(200);
  kill('SIGKILL');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tail = (file, n = 30) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n') : '');

async function waitReady(child, url, okStatus, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.benchName} exited during start-up:\n${tail(child.logFile)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === okStatus) return;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${child.benchName} not ready after ${timeoutMs / 1000} s:\n${tail(child.logFile)}`);
}

/** A JSON call to the app's API that must answer `expect`. */
async function api(base, method, pathname, { body, token, apiKey, expect = 200 } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (apiKey) headers['x-api-key'] = apiKey;
  const res = await fetch(base + pathname, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${pathname}: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Load generation

const runCannon = (opts) =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, timeout: 30, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });

/**
 * Returns when no other statement runs in the bench database. autocannon abandons its in-flight requests when its
 * time is up, but the server keeps executing them (a slow list endpoint leaves ~50 requests, many seconds of work);
 * the next run, often against the other server, would share the CPU with that leftover. The measurement is over by
 * then, so the leftover statements are cancelled (the servers answer those closed sockets with 500s nobody reads)
 * until the database is idle. Returns the seconds it took.
 */
async function settle(limitMs = 60_000) {
  const t0 = Date.now();
  let quiet = 0;
  while (Date.now() - t0 < limitMs && quiet < 3) {
    const busy = await db`select pid from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()`;
    quiet = busy.length === 0 ? quiet + 1 : 0;
    if (busy.length) await db`select pg_cancel_backend(pid) from unnest(${busy.map((b) => b.pid)}::int[]) as pid`;
    await sleep(quiet ? 150 : 50);
  }
  return (Date.now() - t0) / 1000;
}

/** 2 s warm-up, then the measured run. `target` is { url, requests?, method?, headers? }. */
async function measure(target) {
  await runCannon({ ...target, duration: WARMUP });
  await settle();
  const r = await runCannon({ ...target, duration: DURATION });
  const drained = await settle();
  if (drained > 2) log(`  (cancelling the server's abandoned requests took ${drained.toFixed(1)} s)`);
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    codes,
  };
}

/** Cycles through `values` with one request definition (autocannon calls setupRequest before every request). */
function rotating(pathOf, values) {
  let i = 0;
  return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf(values[i++ % values.length]) }) }];
}

/** POST create with a fresh amount each time: a multiple of 10,000 in 10,000..90,000,000 Rials (max is 100,000,000). */
function creating(apiKey, shopId, cardId) {
  let n = 0;
  return {
    requests: [
      {
        // A `requests` entry needs its own path (the url's path is not used for it).
        method: 'POST',
        path: '/api/transactions/create',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            shop_id: shopId,
            card_id: cardId,
            amount: 10_000 * (1 + Math.floor(Math.random() * 9_000)),
            callback_url: CALLBACK,
            factor_number: `INV-${++n}`,
            fee_side: 'merchant',
          }),
        }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Parity: the baseline is only a fair yardstick if it answers the same JSON.

function keysOf(o) {
  return Object.keys(o ?? {}).sort().join(',');
}
function assertSameShape(name, a, b) {
  if (keysOf(a) !== keysOf(b)) throw new Error(`${name}: app and baseline answer different fields:\n  app:      ${keysOf(a)}\n  baseline: ${keysOf(b)}`);
}
async function getJson(url, headers = {}) {
  const res = await fetch(url, { headers });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}
async function checkParity(appBase, baseBase, { authority, listPath, token, create }) {
  for (const p of [`/api/transactions/check/${authority}`, `/api/transactions/payment/${authority}`]) {
    const [a, b] = [await getJson(appBase + p), await getJson(baseBase + p)];
    assertSameShape(p, a, b);
    for (const k of Object.keys(a)) {
      if (k !== 'remaining_seconds' && JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
        throw new Error(`${p}: ${k} differs: app ${JSON.stringify(a[k])}, baseline ${JSON.stringify(b[k])}`);
      }
    }
  }
  const headers = { authorization: `Bearer ${token}` };
  const [a, b] = [await getJson(appBase + listPath, headers), await getJson(baseBase + listPath, headers)];
  assertSameShape('list', a, b);
  assertSameShape('list item', a.transactions[0], b.transactions[0]);
  if (a.total !== b.total || a.transactions.map((t) => t.id).join() !== b.transactions.map((t) => t.id).join()) {
    throw new Error(`list ${listPath}: app and baseline return different rows or totals (${a.total} vs ${b.total})`);
  }
  if (JSON.stringify(a.transactions[0]) !== JSON.stringify(b.transactions[0])) {
    throw new Error(`list item differs:\n  app:      ${JSON.stringify(a.transactions[0])}\n  baseline: ${JSON.stringify(b.transactions[0])}`);
  }
  const [ca, cb] = await Promise.all([create(appBase, 'app'), create(baseBase, 'baseline')]);
  assertSameShape('create', ca, cb);
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');
const problems = (r) => r.errors + r.timeouts + r.non2xx;

function table(title, rows) {
  const lines = [
    `### ${title}`,
    '',
    '| endpoint | KPay req/s | KPay p99 ms | baseline req/s | baseline p99 ms | ratio (KPay/baseline req/s) | errors / timeouts / non-2xx (KPay; baseline) |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const { name, app, base } of rows) {
    lines.push(
      `| ${name} | ${fmt(app.rps)} | ${fmt(app.p99)} | ${fmt(base.rps)} | ${fmt(base.p99)} | ${fmt(app.rps / base.rps, 2)} | ` +
        `${app.errors} / ${app.timeouts} / ${app.non2xx}; ${base.errors} / ${base.timeouts} / ${base.non2xx} |`,
    );
  }
  const bad = rows.flatMap(({ name, app, base }) =>
    [
      ['KPay', app],
      ['baseline', base],
    ]
      .filter(([, r]) => problems(r) > 0)
      .map(([who, r]) => `- **${name}, ${who}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx** (status codes: ${JSON.stringify(r.codes)})`),
  );
  if (bad.length) lines.push('', ...bad);
  const censored = rows.filter(({ app, base }) => Math.max(app.p99, base.p99) >= DURATION * 800);
  if (censored.length) {
    lines.push(
      '',
      `p99 near the ${DURATION} s window is a floor, not a measurement: at ${CONNECTIONS} connections these requests queue ` +
        'for longer than the window and the slowest never complete inside it. Completed requests: ' +
        censored.map(({ name, app, base }) => `${name}: ${app.total} KPay, ${base.total} baseline`).join('; ') + '.',
    );
  }
  return lines.join('\n');
}

/** "Limit → Sort (top-N heapsort) → Parallel Seq Scan on transactions": the plan's nodes, outermost first. */
function planChain(text) {
  const nodes = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(?:->\s*)?([A-Z][A-Za-z ]+?(?: using \S+)?(?: on \S+)?)\s+\(cost=/.exec(line);
    if (m) nodes.push(m[1]);
    const sort = /Sort Method: ([\w-]+(?: \w+)?)/.exec(line);
    if (sort && nodes.length && !nodes[nodes.length - 1].includes('(')) nodes[nodes.length - 1] += ` (${sort[1]})`;
  }
  return nodes.join(' → ');
}

function cpuModel() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const cores = (info.match(/^processor\s*:/gm) ?? []).length || os.cpus().length;
  return { model, cores };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const { model, cores } = cpuModel();
  const [{ version: pgVersion }] = await admin`select current_setting('server_version') as version`;
  const loadBefore = os.loadavg()[0];
  log(`node ${process.version}, ${model}, ${cores} cores, PostgreSQL ${pgVersion}, load average ${loadBefore.toFixed(2)}`);
  if (loadBefore > 1) log(`warning: the machine is already busy (1-minute load ${loadBefore.toFixed(2)}); numbers will be noisy`);

  await admin.unsafe(`create database "${dbName}"`);
  dbCreated = true;
  log(`created database ${dbName}`);

  const appBase = `http://127.0.0.1:${APP_PORT}`;
  const baseBase = `http://127.0.0.1:${BASE_PORT}`;
  const publicUrl = `http://localhost:${APP_PORT}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const app = startServer('kpay', ['scripts/start.mjs'], {
    DATABASE_URL: dbUrl,
    PORT: String(APP_PORT),
    KPAY_PUBLIC_URL: publicUrl,
    KPAY_JWT_SECRET: jwtSecret,
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    KPAY_DATA_DIR: path.join(tmp, 'data'),
    LOG_LEVEL: 'warn',
  });
  // 404 from check means: listening, migrated, and the route handler reached the database.
  await waitReady(app, `${appBase}/api/transactions/check/${'x'.repeat(24)}`, 404);
  db = postgres(dbUrl, { max: 1, onnotice: () => {} });
  log(`KPay ready on ${appBase} (${((Date.now() - started) / 1000).toFixed(1)} s since start)`);

  // Set-up through the real API: three merchants, each with a shop (API key) and a card. Two only for create (the
  // app's and the baseline's pending transactions never share a merchant, so both runs start from the same state),
  // one for the reads and the 1M-row list.
  const merchant = async (label) => {
    const mobile = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const password = `bench-${randomBytes(6).toString('hex')}`;
    await api(appBase, 'POST', '/api/auth/register', { body: { name: `Bench ${label}`, mobile, password }, expect: 201 });
    const { access_token: token } = await api(appBase, 'POST', '/api/auth/login', { body: { username: mobile, password } });
    const me = await api(appBase, 'GET', '/api/auth/me', { token });
    const shop = await api(appBase, 'POST', '/api/shops', {
      token,
      body: { name: `Bench shop ${label}`, website: 'https://shop.example' },
      expect: 201,
    });
    const card = await api(appBase, 'POST', '/api/cards', { token, body: { card_number: CARD_NUMBER, owner_name: 'Bench Owner' }, expect: 201 });
    return { token, userId: me.id, shopId: shop.id, apiKey: shop.api_key, cardId: card.id };
  };
  const reader = await merchant('reads');
  const appWriter = await merchant('create-app');
  const baseWriter = await merchant('create-baseline');
  if (!reader.userId) throw new Error('GET /api/auth/me did not return an id');

  const authorities = [];
  for (let i = 0; i < 20; i++) {
    const t = await api(appBase, 'POST', '/api/transactions/create', {
      apiKey: reader.apiKey,
      body: { shop_id: reader.shopId, card_id: reader.cardId, amount: 1_250_000 + i * 10_000, callback_url: CALLBACK, factor_number: `READ-${i}` },
      expect: 201,
    });
    authorities.push(t.authority);
  }
  log(`set up 3 merchants and ${authorities.length} transactions through the API`);

  const baseline = startServer('baseline', ['bench/baseline-server.mjs'], {
    DATABASE_URL: dbUrl,
    PORT: String(BASE_PORT),
    KPAY_PUBLIC_URL: publicUrl,
    KPAY_JWT_SECRET: jwtSecret,
  });
  await waitReady(baseline, `${baseBase}/health`, 200, 20_000);
  log(`baseline ready on ${baseBase}`);

  const createOnce = (base, who) => {
    const w = who === 'app' ? appWriter : baseWriter;
    return api(base, 'POST', '/api/transactions/create', {
      apiKey: w.apiKey,
      body: { shop_id: w.shopId, card_id: w.cardId, amount: 990_000, callback_url: CALLBACK, fee_side: 'merchant' },
      expect: 201,
    });
  };
  await checkParity(appBase, baseBase, { authority: authorities[0], listPath: '/api/transactions?per_page=20', token: reader.token, create: createOnce });
  log('parity: the baseline answers the same JSON fields and values as the app');

  // One pre-warm per server before anything is measured: next start reaches its steady throughput only after several
  // seconds of load (lazy route modules, V8 optimisation: about 550 -> 950 -> 1,150 req/s on an empty route in three
  // consecutive 3 s runs here), which the 2 s per-run warm-up alone would leave inside the first measurement.
  if (PREWARM > 0) {
    const mix = [
      { method: 'GET', path: `/api/transactions/check/${authorities[1]}` },
      { method: 'GET', path: `/api/transactions/payment/${authorities[1]}` },
      { method: 'GET', path: '/api/transactions?per_page=20', headers: { authorization: `Bearer ${reader.token}` } },
    ];
    for (const base of [appBase, baseBase]) await runCannon({ url: base, requests: mix, duration: PREWARM });
    await settle();
    log(`pre-warmed both servers for ${PREWARM} s each (check, payment, list)`);
  }

  const side = async (name, targetOf) => {
    log(`${name}: KPay ...`);
    const a = await measure(targetOf(appBase, 'app'));
    log(`${name}: KPay ${fmt(a.rps)} req/s, p99 ${a.p99} ms; baseline ...`);
    const b = await measure(targetOf(baseBase, 'baseline'));
    log(`${name}: baseline ${fmt(b.rps)} req/s, p99 ${b.p99} ms`);
    return { name, app: a, base: b };
  };

  const groups = [];
  groups.push({
    title: 'Public reads (by authority)',
    rows: [
      await side('GET /api/transactions/check/{authority}', (u) => ({ url: u, requests: rotating((a) => `/api/transactions/check/${a}`, authorities) })),
      await side('GET /api/transactions/payment/{authority}', (u) => ({ url: u, requests: rotating((a) => `/api/transactions/payment/${a}`, authorities) })),
    ],
  });
  groups.push({
    title: 'Create (X-API-Key; advisory lock per merchant, expire sweep, offset choice, insert + event)',
    rows: [
      await side('POST /api/transactions/create', (u, who) => {
        const w = who === 'app' ? appWriter : baseWriter;
        return { url: u, ...creating(w.apiKey, w.shopId, w.cardId) };
      }),
    ],
  });

  // 1,000,000 rows for the reading merchant, then the list endpoint.
  log(`seeding ${fmt(SEED_ROWS)} transactions ...`);
  const seed = await seedTransactions(db, { userId: reader.userId, shopId: reader.shopId, cardId: reader.cardId, count: SEED_ROWS, log });
  const auth = { authorization: `Bearer ${reader.token}` };
  const listTarget = (query) => (u) => ({ url: `${u}/api/transactions${query}`, headers: auth });
  const listRows = [
    await side('GET /api/transactions (page 1)', listTarget('')),
    await side('GET /api/transactions?page=100&per_page=20', listTarget('?page=100&per_page=20')),
    await side('GET /api/transactions?status=paid', listTarget('?status=paid')),
  ];
  const [{ n: listTotal }] = await db`select count(*)::int as n from transactions where user_id = ${reader.userId}`;
  groups.push({ title: `List (JWT; ${fmt(listTotal)} transactions of one merchant; rows + count(*))`, rows: listRows });

  // Where the list time goes: the two statements each list request runs, on the seeded table, outside the load.
  const plans = [];
  for (const [label, statusFilter, offset] of [
    ['page 1', null, 0],
    ['page 100', null, 1980],
    ['status=paid', 'paid', 0],
  ]) {
    const where = statusFilter
      ? db`("transactions"."user_id" = ${reader.userId} and "transactions"."status" = ${statusFilter})`
      : db`"transactions"."user_id" = ${reader.userId}`;
    for (const [kind, q] of [
      ['rows', db`explain (analyze, buffers) select * from "transactions" where ${where} order by "transactions"."created_at" desc, "transactions"."id" desc limit 20 offset ${offset}`],
      ['count', db`explain (analyze, buffers) select count(*) from "transactions" where ${where}`],
    ]) {
      const text = (await q).map((r) => r['QUERY PLAN']).join('\n');
      plans.push({ label: `${label}: ${kind}`, ms: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]), text });
    }
  }

  // Report
  const header = [
    `## KPay benchmark — ${new Date().toISOString()}`,
    '',
    `- Node ${process.version}; CPU ${model}, ${cores} cores; PostgreSQL ${pgVersion}; 1-minute load average before the run ${loadBefore.toFixed(2)} (after: ${os.loadavg()[0].toFixed(2)}, the benchmark's own load included)`,
    `- autocannon ${CONNECTIONS} connections, ${DURATION} s measured after a ${WARMUP} s warm-up (each server pre-warmed once for ${PREWARM} s), load generated from the same machine (it shares the cores: compare ratios, not absolute numbers)`,
    `- KPay: \`node scripts/start.mjs\` (next start, postgres.js pool 10); baseline: \`bench/baseline-server.mjs\` (node:http + postgres.js pool 10, the same SQL)`,
    `- Seeded ${fmt(seed.inserted)} transactions in ${fmt(seed.ms / 1000, 1)} s (INSERT ... SELECT generate_series, then VACUUM ANALYZE)`,
  ].join('\n');
  const tables = groups.map((g) => table(g.title, g.rows)).join('\n\n');
  const planSummary = [
    '### List statements on the seeded table (EXPLAIN ANALYZE after the runs, one execution each)',
    '',
    '| statement | execution ms | plan |',
    '|---|---:|---|',
    ...plans.map((p) => `| ${p.label} | ${fmt(p.ms, 1)} | ${planChain(p.text)} |`),
  ].join('\n');
  const allProblems = groups.flatMap((g) => g.rows).reduce((n, r) => n + problems(r.app) + problems(r.base), 0);
  const verdict = allProblems === 0 ? 'All requests answered 2xx: 0 errors, 0 timeouts, 0 non-2xx.' : `**${allProblems} failed requests (see above).**`;
  const report = [header, '', tables, '', verdict, '', planSummary, ''].join('\n');
  console.log(`\n${report}`);

  const plansFull = plans.map((p) => `#### ${p.label}\n\n\`\`\`\n${p.text}\n\`\`\``).join('\n\n');
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const out = path.join(root, 'bench', 'results', 'latest.md');
  writeFileSync(out, `${report}\n### Full plans\n\n${plansFull}\n`);
  log(`wrote ${path.relative(root, out)}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return allProblems;
}

let exitCode = 0;
try {
  const failed = await main();
  if (failed > 0) exitCode = 1;
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
