#!/usr/bin/env node
// Event streams at scale: 10,000 concurrent SSE clients on the hosted page's status stream, from one load-generator
// process (this one) beside the built app started as `npm start` starts it, on a fresh PostgreSQL database it creates
// and drops. Measures the server's memory before and after the clients connect, its CPU over 30 s while nothing
// changes, and the time from a deposit SMS (POST /api/sms/inbound) to the `paid` event on every client of that
// transaction. See bench/README.md "Event streams".
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 3509);
const SPREAD_TRANSACTIONS = Number(process.env.BENCH_SPREAD_TRANSACTIONS ?? 900);
const CLIENTS_PER_SPREAD = Number(process.env.BENCH_CLIENTS_PER_TRANSACTION ?? 10);
const HOT_CLIENTS = Number(process.env.BENCH_HOT_CLIENTS ?? 1000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const SPREAD_PAYMENTS = Number(process.env.BENCH_SPREAD_PAYMENTS ?? 20);
const CONNECTING_AT_ONCE = 200;
const dir = process.cwd();
const base = `http://127.0.0.1:${PORT}`;

if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first (this benchmark serves the existing build).');
  process.exit(1);
}

const dbName = `kpay_bench_events_${randomBytes(4).toString('hex')}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kpay-bench-events-'));
let server;

const round = (n, digits = 1) => Number(n.toFixed(digits));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)) };
};

/** Resident memory (MiB) and CPU seconds (user + system) of a process, from /proc. */
function processUsage(pid) {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12; clock ticks of 1/100 s.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
  return { rssMiB: rss, cpuSeconds };
}

async function api(method, url, { body, headers = {} } = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function startServer(databaseUrl) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      KPAY_DATA_DIR: dataDir,
      KPAY_PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      // Every client of this benchmark comes from 127.0.0.1: the per-network cap would refuse all but 20.
      KPAY_EVENT_STREAMS_PER_IP: '100000',
      KPAY_REGISTRATIONS_PER_IP: '1000',
      KPAY_AUTH_REQUESTS_PER_IP: '1000',
    },
  });
  child.stderr.on('data', (d) => process.stderr.write(`[server] ${d}`));
  child.stdout.on('data', () => {});
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}/api/health`).catch(() => fetch(`${base}/api/openapi.json`));
      if (res.status < 500) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** A merchant with a shop, a Mellat card (with Sheba), and a forwarder phone that trusts "Bank Mellat". */
async function seedMerchant() {
  const mobile = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const { access_token } = await api('POST', '/api/auth/register', { body: { name: 'Bench', mobile, password: 'secret123' } });
  const auth = { authorization: `Bearer ${access_token}` };
  const shop = await api('POST', '/api/shops', { headers: auth, body: { name: 'Bench shop' } });
  const card = await api('POST', '/api/cards', {
    headers: auth,
    body: { card_number: '6104331234567890', owner_name: 'سارا محمدی', sheba: 'IR160120000000001234567890' },
  });
  const device = await api('POST', '/api/sms/devices', { headers: auth, body: { name: 'phone' } });
  await api('POST', '/api/sms/senders', { headers: auth, body: { device_id: device.id, sender: 'Bank Mellat', trust: 'trusted' } });
  return { shop, card, device };
}

const depositSms = (amount) =>
  `بانک ملت\nحساب1234567890\nواریز${amount.toLocaleString('en-US')}\nمانده30,000,000\n04/07/15-08:42`;

/**
 * One SSE client on its own socket. Resolves `ready` on its first `status` event; `paidAt` is the time (ms, from
 * performance.now()) its `paid` event arrived.
 */
function openClient(authority) {
  const client = { authority, paidAt: null, events: 0, comments: 0, closed: false };
  client.ready = new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/transactions/check/${authority}/events`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events ${authority}: ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) client.comments++;
          const data = /^data: (.*)$/m.exec(block);
          if (!data) continue;
          client.events++;
          if (JSON.parse(data[1]).status === 'paid') client.paidAt = performance.now();
          resolve();
        }
      });
      res.on('end', () => (client.closed = true));
      res.on('error', () => (client.closed = true));
    });
    req.on('error', reject);
    client.request = req;
  });
  return client;
}

async function connectAll(authorities) {
  const clients = [];
  for (let i = 0; i < authorities.length; i += CONNECTING_AT_ONCE) {
    const batch = authorities.slice(i, i + CONNECTING_AT_ONCE).map(openClient);
    await Promise.all(batch.map((c) => c.ready));
    clients.push(...batch);
  }
  return clients;
}

/** Pays `tx` by SMS and waits until every client of it saw `paid`; the latencies (ms) from the POST's start. */
async function payAndWait(merchant, tx, clients) {
  const start = performance.now();
  const answer = await api('POST', '/api/sms/inbound', {
    headers: { authorization: `Bearer ${merchant.device.token}` },
    body: { from: 'Bank Mellat', text: depositSms(tx.final_amount), receivedStamp: String(Date.now()) },
  });
  const postMs = performance.now() - start;
  if (answer.match_status !== 'matched') throw new Error(`SMS for ${tx.authority}: ${answer.match_status}`);
  const deadline = start + 30_000;
  while (clients.some((c) => c.paidAt === null)) {
    if (performance.now() > deadline) throw new Error(`not every client of ${tx.authority} got paid within 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return { postMs, latencies: clients.map((c) => c.paidAt - start) };
}

async function main() {
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const [{ version }] = await admin`select current_setting('server_version') as version`;

  server = await startServer(databaseUrl);
  const pid = server.pid;
  console.log(`server pid ${pid} on ${base}, database ${dbName}`);

  const merchant = await seedMerchant();
  const transactions = [];
  for (let i = 0; i <= SPREAD_TRANSACTIONS; i++) {
    // Distinct amounts: final_amount (and so each SMS) names one transaction.
    const amount = 1_000_000 + i * 1_000;
    transactions.push(
      await api('POST', '/api/transactions/create', {
        headers: { 'x-api-key': merchant.shop.api_key },
        body: { shop_id: merchant.shop.id, card_id: merchant.card.id, amount, callback_url: 'https://shop.example/back' },
      }),
    );
  }
  const [hot, ...spread] = transactions;
  // Warm the routes (first requests compile and connect) before the baseline is read.
  for (const tx of transactions.slice(0, 5)) {
    const warm = openClient(tx.authority);
    await warm.ready;
    warm.request.destroy();
  }
  await new Promise((r) => setTimeout(r, 2_000));
  const before = processUsage(pid);

  const connectStart = performance.now();
  const authorities = [...spread.flatMap((tx) => Array(CLIENTS_PER_SPREAD).fill(tx.authority)), ...Array(HOT_CLIENTS).fill(hot.authority)];
  const clients = await connectAll(authorities);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  await new Promise((r) => setTimeout(r, 2_000));
  const connected = processUsage(pid);
  console.log(`${clients.length} clients connected in ${round(connectSeconds)} s`);

  const idleStart = processUsage(pid);
  const commentsBefore = clients.reduce((n, c) => n + c.comments, 0);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idleEnd = processUsage(pid);
  const keepAlives = clients.reduce((n, c) => n + c.comments, 0) - commentsBefore;
  const idleCpuPercent = ((idleEnd.cpuSeconds - idleStart.cpuSeconds) / IDLE_SECONDS) * 100;

  const byAuthority = new Map();
  for (const c of clients) byAuthority.set(c.authority, [...(byAuthority.get(c.authority) ?? []), c]);
  const hotResult = await payAndWait(merchant, hot, byAuthority.get(hot.authority));
  const spreadLatencies = [];
  const spreadPosts = [];
  for (const tx of spread.slice(0, SPREAD_PAYMENTS)) {
    const { postMs, latencies } = await payAndWait(merchant, tx, byAuthority.get(tx.authority));
    spreadPosts.push(postMs);
    spreadLatencies.push(...latencies);
  }
  const paid = new Set([hot, ...spread.slice(0, SPREAD_PAYMENTS)].map((tx) => tx.authority));
  // A paid event on a transaction no SMS paid would be a fan-out mistake.
  const wronglyPaid = clients.filter((c) => c.paidAt !== null && !paid.has(c.authority)).length;
  const after = processUsage(pid);

  for (const c of clients) c.request.destroy();
  await new Promise((r) => setTimeout(r, 3_000));
  const released = processUsage(pid);

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: { node: process.version, nproc: os.cpus().length, cpu, postgres: version },
    clients: clients.length,
    transactions: `${spread.length} x ${CLIENTS_PER_SPREAD} clients + 1 x ${HOT_CLIENTS}`,
    connectSeconds: round(connectSeconds),
    rssMiB: { before: round(before.rssMiB), connected: round(connected.rssMiB), afterPayments: round(after.rssMiB), afterDisconnect: round(released.rssMiB) },
    perClientKiB: round(((connected.rssMiB - before.rssMiB) * 1024) / clients.length),
    idle: { seconds: IDLE_SECONDS, cpuPercentOfOneCore: round(idleCpuPercent), keepAliveComments: keepAlives },
    smsToEventMs: {
      hotTransaction: { clients: HOT_CLIENTS, postMs: round(hotResult.postMs), ...summary(hotResult.latencies) },
      spread: { payments: spreadPosts.length, clientsEach: CLIENTS_PER_SPREAD, postMsP50: summary(spreadPosts).p50, ...summary(spreadLatencies) },
    },
    stillOpenAfterPaid: clients.filter((c) => c.paidAt !== null && !c.closed).length,
    wronglyPaid,
  };
  console.log(JSON.stringify(result, null, 2));
}

async function cleanUp() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1_500));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // stopped
    }
  }
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e) => console.error(e));
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
