#!/usr/bin/env node
// GET /api/transactions for one merchant with a million transactions, on the built app as `npm start` runs it.
// See bench/README.md ("A merchant with a million transactions").
//
//   npm run build && node bench/list-at-scale.mjs
//
// Environment (all optional): BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_APP_PORT (3600),
// BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (50), BENCH_SEED_ROWS (1000000), BENCH_KEEP_DB=1,
// BENCH_RATES (100,200: offered loads in req/s, over the same connections, for the latency table).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { seedTransactions } from './seed-transactions.mjs';

const env = process.env;
const ADMIN_URL = env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(env.BENCH_APP_PORT || 3600);
const DURATION = Number(env.BENCH_DURATION || 10);
const WARMUP = Number(env.BENCH_WARMUP || 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS || 50);
const SEED_ROWS = Number(env.BENCH_SEED_ROWS || 1_000_000);
const RATES = (env.BENCH_RATES || '100,200').split(',').map(Number).filter((n) => n > 0);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (s) => console.log(`list-bench: ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('list-bench: no production build (.next/BUILD_ID): run `npm run build` first');
  process.exit(2);
}

const dbName = `kpay_list_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kpay-list-bench-'));
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
let db;
let app;
let created = false;

async function cleanup() {
  if (app) {
    try {
      process.kill(-app.pid, 'SIGTERM');
      await sleep(1000);
      process.kill(-app.pid, 'SIGKILL');
    } catch {}
  }
  await db?.end({ timeout: 0 });
  if (created && env.BENCH_KEEP_DB === '1') log(`kept database ${dbUrl}`);
  else if (created) await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e) => log(`could not drop: ${e.message}`));
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

async function api(method, pathname, { body, token, expect = 200 } = {}) {
  const headers = { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
  const res = await fetch(`http://127.0.0.1:${PORT}${pathname}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${pathname}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * An open loop: `rate` requests a second at evenly spaced moments for `seconds`, over at most `connections` kept-alive
 * sockets, whether earlier ones have been answered or not (autocannon's overallRate sends each second's quota at once,
 * a burst). Each latency runs from the moment the request was due, so time spent waiting for a free socket counts.
 */
async function openLoop({ url, headers, rate, seconds, connections = CONNECTIONS }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let bad = 0;
  const send = (due) =>
    new Promise((resolve) => {
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode !== 200) bad++;
          resolve();
        });
      });
      req.on('error', () => {
        bad++;
        resolve();
      });
    });
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { rate, rps: latencies.length / ((performance.now() - started) / 1000), p50: at(0.5), p99: at(0.99), bad };
}

const cannon = (opts) => new Promise((resolve, reject) => autocannon({ connections: CONNECTIONS, timeout: 30, ...opts }, (e, r) => (e ? reject(e) : resolve(r))));

async function main() {
  const [{ version }] = await admin`select current_setting('server_version') as version`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log(`${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores (${cpu}), PostgreSQL ${version}`);
  await admin.unsafe(`create database "${dbName}"`);
  created = true;

  const fd = openSync(path.join(tmp, 'app.log'), 'a');
  app = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: {
      ...env,
      DATABASE_URL: dbUrl,
      PORT: String(PORT),
      KPAY_PUBLIC_URL: `http://localhost:${PORT}`,
      KPAY_JWT_SECRET: randomBytes(32).toString('hex'),
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      KPAY_DATA_DIR: path.join(tmp, 'data'),
      LOG_LEVEL: 'warn',
    },
  });
  closeSync(fd);
  for (let ready = false, t = Date.now(); !ready; await sleep(250)) {
    if (Date.now() - t > 90_000 || app.exitCode !== null) throw new Error(`app did not start:\n${readFileSync(path.join(tmp, 'app.log'), 'utf8').slice(-2000)}`);
    ready = await fetch(`http://127.0.0.1:${PORT}/api/transactions/check/${'x'.repeat(24)}`).then((r) => r.status === 404, () => false);
  }
  db = postgres(dbUrl, { max: 1, onnotice: () => {} });

  const mobile = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const password = `bench-${randomBytes(6).toString('hex')}`;
  await api('POST', '/api/auth/register', { body: { name: 'Big Merchant', mobile, password }, expect: 201 });
  const { access_token: token } = await api('POST', '/api/auth/login', { body: { username: mobile, password } });
  const me = await api('GET', '/api/auth/me', { token });
  const shop = await api('POST', '/api/shops', { token, body: { name: 'Big shop' }, expect: 201 });
  const card = await api('POST', '/api/cards', { token, body: { card_number: '6104331234567890', owner_name: 'Bench Owner' }, expect: 201 });
  const seeded = await seedTransactions(db, { userId: me.id, shopId: shop.id, cardId: card.id, count: SEED_ROWS, log: (s) => log(`seed: ${s}`) });
  log(`seeded ${seeded.inserted} rows in ${seeded.ms} ms (the insert trigger counted them in the same statement)`);

  // The counters against count(*), before measuring anything.
  const [check] = await db`
    select (select count(*) from transactions where user_id = ${me.id})::int as rows,
      (select sum(count) from transaction_counts where user_id = ${me.id})::int as counted,
      (select count(*) from transactions where user_id = ${me.id} and status = 'paid')::int as paid_rows,
      (select sum(count) from transaction_counts where user_id = ${me.id} and status = 'paid')::int as paid_counted`;
  if (check.rows !== check.counted || check.paid_rows !== check.paid_counted) throw new Error(`counters drifted: ${JSON.stringify(check)}`);
  log(`counters agree with count(*): ${check.rows} rows, ${check.paid_rows} paid`);
  const [{ factor }] = await db`select factor_number as factor from transactions where user_id = ${me.id} order by created_at desc offset 5000 limit 1`;

  const targets = [
    ['page 1', '/api/transactions'],
    ['page=100', '/api/transactions?page=100&per_page=20'],
    ['status=paid', '/api/transactions?status=paid'],
    ['search (capped count)', `/api/transactions?search=${factor}`],
    ['from (capped count)', `/api/transactions?from=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`],
  ];
  const headers = { authorization: `Bearer ${token}` };
  for (const [, p] of targets) {
    const body = await api('GET', p, { token });
    log(`${p}: total ${body.total}${body.total_is_lower_bound ? ' (lower bound)' : ''}, ${body.transactions.length} rows`);
  }
  // Next needs a few seconds of load to reach its steady throughput.
  await cannon({ url: `http://127.0.0.1:${PORT}/api/transactions`, headers, duration: 5 });

  // Two questions, both at 50 connections. How much can it serve? Each connection sends its next request as soon as
  // the last one answers (closed loop): throughput, and a median latency of about connections / throughput (Little's
  // law) whatever a request costs alone. How long does one take under a given load? The same connections at a fixed
  // offered rate (openLoop), below saturation: the median is then the request's own time plus its share of queueing. The app's cheapest read (the check endpoint, one indexed row) runs the same way in the same run,
  // as the framework's floor.
  const [{ authority }] = await db`select authority from transactions where user_id = ${me.id} limit 1`;
  const measured = [...targets, ['check (reference: one indexed row)', `/api/transactions/check/${authority}`]];
  const rows = [];
  for (const [name, p] of measured) {
    const url = `http://127.0.0.1:${PORT}${p}`;
    await cannon({ url, headers, duration: WARMUP });
    const r = await cannon({ url, headers, duration: DURATION });
    const atRates = [];
    for (const rate of RATES) {
      atRates.push(await openLoop({ url, headers, rate, seconds: DURATION }));
    }
    rows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.timeouts + r.non2xx + atRates.reduce((n, a) => n + a.bad, 0), atRates });
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const fmt = (n) => Math.round(n).toLocaleString('en');
  console.log(`\n${SEED_ROWS.toLocaleString('en')} transactions, ${CONNECTIONS} connections, ${DURATION} s each, load average after ${load}\n`);
  const rateHeads = RATES.map((rate) => `p50 / p99 ms at ${rate} req/s`);
  console.log(`| GET /api/transactions | closed loop req/s | p50 ms | p99 ms | ${rateHeads.join(' | ')} | errors + non-2xx |`);
  console.log(`|---|---:|---:|---:|${RATES.map(() => '---:|').join('')}---:|`);
  for (const r of rows) {
    const cells = r.atRates.map((a) => `${a.p50} / ${a.p99}${Math.abs(a.rps - a.rate) > a.rate * 0.05 ? ` (served ${fmt(a.rps)} req/s)` : ''}`);
    console.log(`| ${r.name} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${cells.join(' | ')} | ${r.bad} |`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
