#!/usr/bin/env node
// KPay's hot endpoints against two yardsticks, side by side in one run on a fresh PostgreSQL database (dropped at the
// end): the real app (`node scripts/start.mjs`), a bare Next route handler doing the same SQL (bench/bare-next/), and
// plain node:http doing the same SQL (bench/baseline-server.mjs). See bench/README.md.
//
//   npm run build && node bench/run.mjs
//
// Environment (all optional): BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_APP_PORT (3300),
// BENCH_BARE_PORT (3302), BENCH_BASELINE_PORT (3301), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (50),
// BENCH_PREWARM (8 s, once per server before anything is measured), BENCH_ROUNDS (1; more alternate the servers'
// order and average), BENCH_ONLY (check,unknown,payment,create: a subset), BENCH_CPU_PROF=<dir> (the app and bare Next
// write V8 CPU profiles there on exit; bench/profile-summary.mjs reads them), BENCH_KEEP_DB=1 (keep the database).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = process.env;
const ADMIN_URL = env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_PORT = Number(env.BENCH_APP_PORT || 3300);
const BASE_PORT = Number(env.BENCH_BASELINE_PORT || 3301);
const BARE_PORT = Number(env.BENCH_BARE_PORT || 3302);
const DURATION = Number(env.BENCH_DURATION || 10);
const WARMUP = Number(env.BENCH_WARMUP || 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS || 50);
const PREWARM = Number(env.BENCH_PREWARM ?? 8);
const ROUNDS = Math.max(1, Number(env.BENCH_ROUNDS || 1));
const ONLY = new Set((env.BENCH_ONLY || 'check,unknown,payment,create').split(',').map((s) => s.trim()));
const CPU_PROF = env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : undefined;
const CARD_NUMBER = '6104331234567890';
const CALLBACK = 'https://shop.example/kpay/callback';

const log = (s) => console.log(`bench: ${s}`);
const started = Date.now();

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error(`bench: no production build in ${path.join(root, '.next')}. Run \`npm run build\` first, then \`node bench/run.mjs\`.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Resources, all released in cleanup(): the database, three process groups, a temp dir, postgres.js clients.
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
function startServer(name, args, extraEnv, cwd = root) {
  const logFile = path.join(tmp, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const profiling = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(CPU_PROF, name)}`] : [];
  const child = spawn(process.execPath, [...(name === 'baseline' ? [] : profiling), ...args], {
    cwd,
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
      where datname = current_database() and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()`;
    quiet = busy.length === 0 ? quiet + 1 : 0;
    if (busy.length) await db`select pg_cancel_backend(pid) from unnest(${busy.map((b) => b.pid)}::int[]) as pid`;
    await sleep(quiet ? 150 : 50);
  }
  return (Date.now() - t0) / 1000;
}

/**
 * CPU seconds used so far by every process of a server's process group (next start runs next-server as a child), from
 * /proc: utime + stime in clock ticks (100 per second on Linux). Per request, this is what the server itself costs,
 * whatever the load generator beside it takes: steadier than req/s on a shared 2-core machine.
 */
function groupCpuSeconds(pgid) {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp ... utime stime: fields after the command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** 2 s warm-up, then the measured run. `target` is { url, requests?, method?, headers?, expect? (200) }; `server` its process. */
async function measure({ expect = 200, server, ...target }) {
  await runCannon({ ...target, duration: WARMUP });
  await settle();
  const cpuBefore = groupCpuSeconds(server.pid);
  const r = await runCannon({ ...target, duration: DURATION });
  const cpuSeconds = groupCpuSeconds(server.pid) - cpuBefore;
  const drained = await settle();
  if (drained > 2) log(`  (cancelling the server's abandoned requests took ${drained.toFixed(1)} s)`);
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  const answered = Object.values(codes).reduce((a, b) => a + b, 0);
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    total: r.requests.total,
    cpuMsPerRequest: (cpuSeconds * 1000) / Math.max(1, r.requests.total),
    errors: r.errors,
    timeouts: r.timeouts,
    // Answers other than the one this endpoint should give (200, or 404 for an unknown authority).
    wrong: answered - (codes[expect] ?? 0),
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
// Bare Next: built here with the repository's own `next`, whenever its sources are newer than its build.

const bareDir = path.join(root, 'bench', 'bare-next');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.next' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildBareNext() {
  const buildId = path.join(bareDir, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestMtime(bareDir)) return;
  log('building bench/bare-next (next build) ...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: bareDir, encoding: 'utf8', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`next build in bench/bare-next failed:\n${build.stdout}\n${build.stderr}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Parity: a yardstick is only fair if it answers the same JSON.

const keysOf = (o) => Object.keys(o ?? {}).sort().join(',');

async function getAnswer(url) {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

/** The same status and fields, and the same values but the countdown. */
async function checkParity(name, appBase, otherBase, paths) {
  for (const p of paths) {
    const [a, b] = [await getAnswer(appBase + p), await getAnswer(otherBase + p)];
    if (a.status !== b.status) throw new Error(`${p}: app answers ${a.status}, ${name} ${b.status}`);
    if (a.status !== 200) continue;
    if (keysOf(a.body) !== keysOf(b.body)) throw new Error(`${p}: app and ${name} answer different fields:\n  app: ${keysOf(a.body)}\n  ${name}: ${keysOf(b.body)}`);
    for (const k of Object.keys(a.body)) {
      if (k !== 'remaining_seconds' && JSON.stringify(a.body[k]) !== JSON.stringify(b.body[k])) {
        throw new Error(`${p}: ${k} differs: app ${JSON.stringify(a.body[k])}, ${name} ${JSON.stringify(b.body[k])}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');
const problems = (r) => (r ? r.errors + r.timeouts + r.wrong : 0);
const SERVERS = [
  ['app', 'KPay'],
  ['bare', 'bare Next'],
  ['base', 'node:http'],
];

/** Several rounds of one endpoint on one server as one: mean req/s and p99, summed counts. */
function combine(runs) {
  if (!runs.length) return undefined;
  const mean = (f) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const sum = (f) => runs.reduce((s, r) => s + f(r), 0);
  const codes = {};
  for (const r of runs) for (const [c, n] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + n;
  return { rps: mean((r) => r.rps), p99: mean((r) => r.p99), cpuMsPerRequest: mean((r) => r.cpuMsPerRequest), total: sum((r) => r.total), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), wrong: sum((r) => r.wrong), codes };
}

function table(rows) {
  const lines = [
    '| endpoint | KPay req/s | p99 ms | bare Next req/s | p99 ms | node:http req/s | p99 ms | **KPay / bare Next** | KPay / node:http |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { name, app, bare, base } of rows) {
    const cell = (r) => (r ? `${fmt(r.rps)} | ${fmt(r.p99)}` : '— | —');
    lines.push(`| ${name} | ${cell(app)} | ${cell(bare)} | ${cell(base)} | **${bare ? fmt(app.rps / bare.rps, 2) : '—'}** | ${fmt(app.rps / base.rps, 2)} |`);
  }
  const bad = rows.flatMap(({ name, ...servers }) =>
    SERVERS.filter(([key]) => problems(servers[key]) > 0).map(([key, label]) => {
      const r = servers[key];
      return `- **${name}, ${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.wrong} unexpected statuses** (status codes: ${JSON.stringify(r.codes)})`;
    }),
  );
  lines.push(
    '',
    'Server CPU per request (ms, every process of the server, measured run only): the cost itself, less sensitive than req/s to the load generator sharing the cores.',
    '',
    '| endpoint | KPay | bare Next | node:http | **bare Next / KPay** |',
    '|---|---:|---:|---:|---:|',
  );
  for (const { name, app, bare, base } of rows) {
    const ms = (r) => (r ? fmt(r.cpuMsPerRequest, 3) : '—');
    lines.push(`| ${name} | ${ms(app)} | ${ms(bare)} | ${ms(base)} | **${bare ? fmt(bare.cpuMsPerRequest / app.cpuMsPerRequest, 2) : '—'}** |`);
  }
  if (bad.length) lines.push('', ...bad);
  return lines.join('\n');
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
  buildBareNext();

  await admin.unsafe(`create database "${dbName}"`);
  dbCreated = true;
  log(`created database ${dbName}`);

  const appBase = `http://127.0.0.1:${APP_PORT}`;
  const bareBase = `http://127.0.0.1:${BARE_PORT}`;
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

  // Set-up through the real API: two merchants, each with a shop (API key) and a card: one for the reads and the
  // app's creates, one for the baseline's creates (so both create runs start from the same state).
  const merchant = async (label) => {
    const mobile = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const password = `bench-${randomBytes(6).toString('hex')}`;
    await api(appBase, 'POST', '/api/auth/register', { body: { name: `Bench ${label}`, mobile, password }, expect: 201 });
    const { access_token: token } = await api(appBase, 'POST', '/api/auth/login', { body: { username: mobile, password } });
    const shop = await api(appBase, 'POST', '/api/shops', { token, body: { name: `Bench shop ${label}`, website: 'https://shop.example' }, expect: 201 });
    const card = await api(appBase, 'POST', '/api/cards', { token, body: { card_number: CARD_NUMBER, owner_name: 'Bench Owner' }, expect: 201 });
    return { shopId: shop.id, apiKey: shop.api_key, cardId: card.id };
  };
  const appWriter = await merchant('app');
  const baseWriter = await merchant('baseline');

  const authorities = [];
  for (let i = 0; i < 20; i++) {
    const t = await api(appBase, 'POST', '/api/transactions/create', {
      apiKey: appWriter.apiKey,
      body: { shop_id: appWriter.shopId, card_id: appWriter.cardId, amount: 1_250_000 + i * 10_000, callback_url: CALLBACK, factor_number: `READ-${i}` },
      expect: 201,
    });
    authorities.push(t.authority);
  }
  // Well-formed authorities that name nothing: the same lookup, answered 404.
  const unknown = Array.from({ length: 20 }, () => randomBytes(18).toString('base64url'));
  log(`set up 2 merchants and ${authorities.length} transactions through the API`);

  const bare = startServer('bare-next', [nextBin, 'start', '--port', String(BARE_PORT)], { DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: '1' }, bareDir);
  const baseline = startServer('baseline', ['bench/baseline-server.mjs'], {
    DATABASE_URL: dbUrl,
    PORT: String(BASE_PORT),
    KPAY_PUBLIC_URL: publicUrl,
    KPAY_JWT_SECRET: jwtSecret,
  });
  await waitReady(bare, `${bareBase}/api/transactions/check/${unknown[0]}`, 404, 30_000);
  await waitReady(baseline, `${baseBase}/health`, 200, 20_000);
  log(`bare Next ready on ${bareBase}, node:http on ${baseBase}`);

  const readPaths = [`/api/transactions/check/${authorities[0]}`, `/api/transactions/check/${unknown[0]}`, `/api/transactions/payment/${authorities[0]}`, `/api/transactions/payment/${unknown[0]}`];
  await checkParity('bare Next', appBase, bareBase, readPaths);
  await checkParity('node:http', appBase, baseBase, readPaths);
  const createOnce = (base, w) =>
    api(base, 'POST', '/api/transactions/create', {
      apiKey: w.apiKey,
      body: { shop_id: w.shopId, card_id: w.cardId, amount: 990_000, callback_url: CALLBACK, fee_side: 'merchant' },
      expect: 201,
    });
  const [ca, cb] = await Promise.all([createOnce(appBase, appWriter), createOnce(baseBase, baseWriter)]);
  if (keysOf(ca) !== keysOf(cb)) throw new Error(`create: app and node:http answer different fields:\n  app: ${keysOf(ca)}\n  node:http: ${keysOf(cb)}`);
  log('parity: bare Next and node:http answer the same statuses, JSON fields and values as the app');

  // One pre-warm per server before anything is measured: next start reaches its steady throughput only after several
  // seconds of load (lazy route modules, V8 optimisation), which the 2 s per-run warm-up alone would leave inside the
  // first measurement.
  const bases = { app: appBase, bare: bareBase, base: baseBase };
  const processes = { app, bare, base: baseline };
  if (PREWARM > 0) {
    const mix = [
      { method: 'GET', path: `/api/transactions/check/${authorities[1]}` },
      { method: 'GET', path: `/api/transactions/check/${unknown[1]}` },
      { method: 'GET', path: `/api/transactions/payment/${authorities[1]}` },
    ];
    for (const base of Object.values(bases)) await runCannon({ url: base, requests: mix, duration: PREWARM });
    await settle();
    log(`pre-warmed the three servers for ${PREWARM} s each (check, unknown check, payment)`);
  }

  const reading = (pathOf, values, expect = 200) => () => (url) => ({ url, requests: rotating(pathOf, values), expect });
  const endpoints = [
    { key: 'check', name: 'GET /api/transactions/check/{authority}', servers: ['app', 'bare', 'base'], target: reading((a) => `/api/transactions/check/${a}`, authorities)() },
    { key: 'unknown', name: 'GET /api/transactions/check/{unknown} (404)', servers: ['app', 'bare', 'base'], target: reading((a) => `/api/transactions/check/${a}`, unknown, 404)() },
    { key: 'payment', name: 'GET /api/transactions/payment/{authority}', servers: ['app', 'bare', 'base'], target: reading((a) => `/api/transactions/payment/${a}`, authorities)() },
    // Bare Next has no create: it is the yardstick of the reads only.
    {
      key: 'create',
      name: 'POST /api/transactions/create (API key)',
      servers: ['app', 'base'],
      target: (url, who) => ({ url, expect: 201, ...creating(...(({ apiKey, shopId, cardId }) => [apiKey, shopId, cardId])(who === 'app' ? appWriter : baseWriter)) }),
    },
  ].filter((e) => ONLY.has(e.key));

  const results = new Map(endpoints.map((e) => [e.key, { app: [], bare: [], base: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of endpoints) {
      // Odd rounds run the servers in reverse order, so no server always runs first or last.
      const order = round % 2 ? [...e.servers].reverse() : e.servers;
      for (const who of order) {
        const r = await measure({ ...e.target(bases[who], who), server: processes[who] });
        results.get(e.key)[who].push(r);
        log(`${e.name}: ${SERVERS.find(([k]) => k === who)[1]} ${fmt(r.rps)} req/s, p99 ${r.p99} ms, ${fmt(r.cpuMsPerRequest, 3)} ms CPU/request${ROUNDS > 1 ? ` (round ${round + 1})` : ''}`);
      }
    }
  }
  const rows = endpoints.map((e) => {
    const r = results.get(e.key);
    return { name: e.name, app: combine(r.app), bare: combine(r.bare), base: combine(r.base) };
  });

  const header = [
    `## KPay benchmark — ${new Date().toISOString()}`,
    '',
    `- Node ${process.version}; CPU ${model}, ${cores} cores; PostgreSQL ${pgVersion}; 1-minute load average before the run ${loadBefore.toFixed(2)} (after: ${os.loadavg()[0].toFixed(2)}, the benchmark's own load included)`,
    `- autocannon ${CONNECTIONS} connections, ${DURATION} s measured after a ${WARMUP} s warm-up (each server pre-warmed once for ${PREWARM} s)${ROUNDS > 1 ? `, ${ROUNDS} rounds averaged (servers' order alternating)` : ''}; load generated from the same machine (it shares the cores: compare ratios, not absolute numbers)`,
    '- KPay: `node scripts/start.mjs` (postgres.js pool 10); bare Next: `next start` of bench/bare-next (one route handler per endpoint, postgres.js pool 10, the same SQL); node:http: bench/baseline-server.mjs (postgres.js pool 10, the same SQL)',
  ].join('\n');
  const allProblems = rows.reduce((n, r) => n + problems(r.app) + problems(r.bare) + problems(r.base), 0);
  const verdict = allProblems === 0 ? 'Every request got its expected status (200, or 404 for the unknown authority): 0 errors, 0 timeouts.' : `**${allProblems} failed requests (see above).**`;
  const report = [header, '', table(rows), '', verdict, ''].join('\n');
  console.log(`\n${report}`);

  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const out = path.join(root, 'bench', 'results', 'latest.md');
  writeFileSync(out, report);
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
