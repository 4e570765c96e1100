// The chain watcher (lib/deposits/scan-network.ts) catching up over real blocks on a real node, with 10,000 watched
// deposit addresses: a Litecoin Core regtest node and a Hardhat EVM dev node (ETH and an allow-listed ERC-20), each
// with the time spent in the node's RPC measured beside the whole, so the share spent in KPay is visible.
// See bench/README.md, "Chain watcher".
//
//   node --conditions=react-server --import tsx bench/watcher/run.ts [--pglite] [--only=litecoin|ethereum]
//   npm run bench:watcher
//
// Environment (all optional): BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_ADDRESSES (10000
// per chain), BENCH_BLOCKS (200), BENCH_DEPOSITS (1000), BENCH_BATCH (50 outputs or transactions per deposit block),
// BENCH_EVM_BLOCKS, BENCH_EVM_DEPOSITS, BENCH_EVM_BATCH (the same for the EVM node; default as above),
// BENCH_MAX_BLOCKS (100000: maxBlocks of each timed scanNetwork call), BENCH_CONCURRENCY (8 payment creations at once on
// PostgreSQL; 1 on PGlite), BENCH_KEEP_DB=1 (keep the database; its URL is printed).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseLosslessJson } from 'lossless-json';
import postgres from 'postgres';
import { type Address, encodeFunctionData, erc20Abi, type Hex } from 'viem';
import { type EvmNode, startEvmNode, type TestToken } from '../../test/chains/hardhat';
import { type LitecoinNode, litecoindAvailable, splitCredentials, startLitecoind } from '../../test/chains/litecoind';

// ---------------------------------------------------------------------------------------------------------------------
// Parameters

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${v}`);
  return n;
};

const USE_PGLITE = flag('pglite');
const ONLY = option('only') ?? process.env.BENCH_ONLY;
if (ONLY && ONLY !== 'litecoin' && ONLY !== 'ethereum') throw new Error(`--only must be litecoin or ethereum, not ${ONLY}`);
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const P = {
  addresses: num('BENCH_ADDRESSES', 10_000),
  ltc: { blocks: num('BENCH_BLOCKS', 200), deposits: num('BENCH_DEPOSITS', 1_000), batch: num('BENCH_BATCH', 50) },
  evm: {
    blocks: num('BENCH_EVM_BLOCKS', num('BENCH_BLOCKS', 200)),
    deposits: num('BENCH_EVM_DEPOSITS', num('BENCH_DEPOSITS', 1_000)),
    batch: num('BENCH_EVM_BATCH', num('BENCH_BATCH', 50)),
  },
  maxBlocks: num('BENCH_MAX_BLOCKS', 100_000),
  concurrency: USE_PGLITE ? 1 : num('BENCH_CONCURRENCY', 8),
};
const RUN_LTC = ONLY !== 'ethereum';
const RUN_EVM = ONLY !== 'litecoin';
for (const [name, p] of [['litecoin', P.ltc], ['ethereum', P.evm]] as const) {
  if (p.deposits > P.addresses) throw new Error(`${name}: more deposits (${p.deposits}) than watched addresses (${P.addresses})`);
  if (p.batch < 1 || Math.ceil(p.deposits / p.batch) > p.blocks) throw new Error(`${name}: ${p.deposits} deposits in batches of ${p.batch} need more than ${p.blocks} blocks`);
}

/** The BIP39 test phrase ("abandon" x 11 + "about"): public, never a real wallet. */
const TEST_MNEMONIC = `${'abandon '.repeat(11)}about`;
const LTC_DEPOSIT = '0.01';
const ETH_DEPOSIT_WEI = 10_000_000_000_000_000n; // 0.01 ETH
const USDT_DEPOSIT_UNITS = 5_000_000n; // 5 USDT (6 decimals), the currency's minimum
/** How many steady-state runs are timed (median reported). */
const STEADY_RUNS = 5;

const log = (s: string) => console.log(`watcher-bench: ${s}`);
const dbName = `kpay_watcher_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kpay-watcher-bench-'));
const loadAtStart = os.loadavg();

// ---------------------------------------------------------------------------------------------------------------------
// Small measuring tools

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const s = (ms: number) => (ms / 1000).toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en');
const rate = (n: number, ms: number) => (ms > 0 ? (n / (ms / 1000)).toFixed(1) : '-');
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '-');

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) of a process in ms, from /proc; 0 when it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3 (index 0 here); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The pid whose command line contains every one of `parts` (the chain node, found by its datadir or port). */
function findPid(parts: string[]): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => cmdline.includes(p))) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}

/** CPU of this process, the chain node and the database's server backends, between start() and stop(). */
class CpuMeter {
  private self = process.cpuUsage();
  private node = 0;
  private backends = new Map<number, number>();
  constructor(
    private readonly nodePid: number | undefined,
    private readonly backendPids: () => Promise<number[]>,
  ) {}
  async start() {
    this.backends = new Map((await this.backendPids()).map((pid) => [pid, cpuMsOf(pid)]));
    this.node = this.nodePid ? cpuMsOf(this.nodePid) : 0;
    this.self = process.cpuUsage();
  }
  async stop(): Promise<{ kpay: number; node: number | null; database: number | null }> {
    const self = process.cpuUsage(this.self);
    const node = this.nodePid ? cpuMsOf(this.nodePid) - this.node : null;
    const pids = await this.backendPids();
    const database = USE_PGLITE ? null : sum(pids.map((pid) => cpuMsOf(pid) - (this.backends.get(pid) ?? 0)));
    return { kpay: (self.user + self.system) / 1000, node, database };
  }
}

/** One JSON-RPC call as plain as it gets (fetch, keep-alive as the adapters use, the body read as text): the node's time. */
async function rawRpc(url: string, method: string, params: unknown[], version: '1.0' | '2.0'): Promise<{ text: string; ms: number }> {
  const { url: target, authorization } = splitCredentials(url);
  const started = performance.now();
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ jsonrpc: version, id: 1, method, params }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { text, ms };
}
const resultOf = <T>(text: string): T => {
  const body = JSON.parse(text) as { result?: T; error?: { message: string } | null };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
};

// ---------------------------------------------------------------------------------------------------------------------
// Shared state: the nodes, the database, the cleanup

const nodes: { litecoin?: LitecoinNode; evm?: EvmNode } = {};
const admin = USE_PGLITE ? undefined : postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
let dbCreated = false;
let closeDb: (() => Promise<void>) | undefined;
let cleaning: Promise<void> | undefined;

/** Closes and drops the database, stops the nodes, removes the temp folder: once, however the run ends. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await closeDb?.().catch((e: Error) => log(`could not close the database: ${e.message}`));
    if (admin) {
      if (dbCreated && KEEP_DB) log(`kept database ${dbUrl}`);
      else if (dbCreated) await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e: Error) => log(`could not drop ${dbName}: ${e.message}`));
      await admin.end({ timeout: 2 });
    }
    await Promise.allSettled([nodes.litecoin?.stop(), nodes.evm?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // Our own handler: test/chains/processes.ts then leaves shutdown to us (its 'exit' handler still kills the nodes).
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// The benchmark

type Lib = Awaited<ReturnType<typeof importLib>>;
async function importLib() {
  return {
    client: await import('@/db/client'),
    schema: await import('@/db/schema'),
    drizzleOrm: await import('drizzle-orm'),
    drizzlePostgres: await import('drizzle-orm/postgres-js'),
    migratePostgres: await import('drizzle-orm/postgres-js/migrator'),
    drizzlePglite: await import('drizzle-orm/pglite'),
    migratePglite: await import('drizzle-orm/pglite/migrator'),
    pglite: await import('@electric-sql/pglite'),
    registerInput: (await import('@/lib/auth/schemas')).registerInput,
    createUser: (await import('@/lib/auth/register-user')).createUser,
    startSession: (await import('@/lib/auth/start-session')).startSession,
    resolvePrincipal: (await import('@/lib/auth/principal')).resolvePrincipal,
    createShopInput: (await import('@/lib/shops/schemas')).createShopInput,
    createShop: (await import('@/lib/shops/create-shop')).createShop,
    createCryptoPaymentInput: (await import('@/lib/crypto-payments/schemas')).createCryptoPaymentInput,
    createCryptoPayment: (await import('@/lib/crypto-payments/create-crypto-payment')).createCryptoPayment,
    scanNetwork: (await import('@/lib/deposits/scan-network')).scanNetwork,
    watchedNetworks: (await import('@/lib/chains/chain-adapter-for')).watchedNetworks,
    checkLedger: (await import('@/lib/ledger/check-ledger')).checkLedger,
  };
}
type Database = import('@/db/client').Database;
type ChainAdapter = import('@/lib/chains/chain-adapter').ChainAdapter;
type Principal = import('@/lib/auth/principal').Principal;

/** Every SQL statement the app sends is counted, by the phase of the watcher's run it was sent in. */
const statements = { phase: 'setup' as 'setup' | 'blocks' | 'pending' | 'settle', count: { setup: 0, blocks: 0, pending: 0, settle: 0 } };
const countingLogger = { logQuery: () => void statements.count[statements.phase]++ };
const resetStatements = () => {
  statements.count = { setup: 0, blocks: 0, pending: 0, settle: 0 };
};

interface RpcStats {
  calls: Record<'tip' | 'blockHash' | 'block' | 'pending', { n: number; ms: number }>;
  /** When the current run called pending(): the block loop is over. */
  pendingStart: number;
  pendingEnd: number;
}

/** The adapter with a stopwatch on each method: what scanNetwork waits for from the node (and the adapter's parsing). */
function instrument(adapter: ChainAdapter): { adapter: ChainAdapter; stats: RpcStats } {
  const fresh = (): RpcStats => ({
    calls: { tip: { n: 0, ms: 0 }, blockHash: { n: 0, ms: 0 }, block: { n: 0, ms: 0 }, pending: { n: 0, ms: 0 } },
    pendingStart: 0,
    pendingEnd: 0,
  });
  const box = { stats: fresh() };
  const timed = async <T>(name: keyof RpcStats['calls'], call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    if (name === 'pending') {
      box.stats.pendingStart = started;
      statements.phase = 'pending';
    }
    try {
      return await call();
    } finally {
      const ended = performance.now();
      box.stats.calls[name].n++;
      box.stats.calls[name].ms += ended - started;
      if (name === 'pending') {
        box.stats.pendingEnd = ended;
        statements.phase = 'settle';
      }
    }
  };
  return {
    adapter: {
      network: adapter.network,
      tip: () => timed('tip', () => adapter.tip()),
      blockHash: (height) => timed('blockHash', () => adapter.blockHash(height)),
      block: (height, watched) => timed('block', () => adapter.block(height, watched)),
      pending: (watched) => timed('pending', () => adapter.pending(watched)),
    },
    get stats() {
      return box.stats;
    },
  };
}

interface ChainResult {
  title: string;
  setup: { payments: number; createMs: number; blocks: number; deposits: number; produceMs: number; depositBlocks: number; detail: string };
  runs: number;
  blocks: number;
  deposits: number;
  wallMs: number;
  rpc: RpcStats['calls'];
  blockLoopMs: number;
  pendingMs: number;
  settleMs: number;
  statements: { blocks: number; pending: number; settle: number };
  cpu: { kpay: number; node: number | null; database: number | null };
  nodeAlone: { ms: number; calls: number; what: string; parseMs?: number; parseWhat?: string };
  watchedLoadMs: number;
  idle: { ms: number; statements: number };
  oneBlock: { ms: number; statements: number };
  check: string;
}

async function main(): Promise<void> {
  if (RUN_LTC && !litecoindAvailable()) throw new Error('litecoind is not installed (Debian: apt-get install -y litecoind)');
  log(`starting ${[RUN_LTC && 'litecoind -regtest', RUN_EVM && 'hardhat node'].filter(Boolean).join(' and ')}`);
  let usdt: TestToken | undefined;
  await Promise.all([
    RUN_LTC && startLitecoind().then(async (node) => {
      nodes.litecoin = node;
      await node.fund();
    }),
    RUN_EVM && startEvmNode().then(async (node) => {
      nodes.evm = node;
      usdt = await node.deployTestToken(6, { name: 'Tether USD (bench)', symbol: 'USDT' });
    }),
  ]);

  // The app reads its configuration on first use: everything is set before any app module is imported.
  Object.assign(process.env, {
    KPAY_DATA_DIR: dataDir,
    KPAY_JWT_SECRET: randomBytes(32).toString('hex'),
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    KPAY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    KPAY_WALLET_MNEMONIC: TEST_MNEMONIC,
    KPAY_JOBS: 'off',
    LOG_LEVEL: 'warn',
    ...(nodes.litecoin && { KPAY_LITECOIN_CHAIN: 'regtest', KPAY_LITECOIN_NODE_URL: nodes.litecoin.rpcUrl }),
    ...(nodes.evm && {
      KPAY_ETHEREUM_CHAIN: 'dev',
      KPAY_ETHEREUM_NODE_URL: nodes.evm.rpcUrl,
      KPAY_ETHEREUM_CHAIN_ID: String(nodes.evm.chainId),
      KPAY_TOKEN_CONTRACTS: `usdt_erc20:${usdt!.address}`,
    }),
  });
  if (USE_PGLITE) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = dbUrl;
  const lib = await importLib();

  const db = await openDatabase(lib);
  const backendPids = async () =>
    admin ? (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${dbName}`).map((r) => r.pid) : [];

  // A merchant with a shop, as the API makes them; payments are created with the shop's API key.
  const userId = await lib.createUser(lib.registerInput.parse({ name: 'Watcher Bench', mobile: '09120000000', password: 'bench-password-1' }));
  const { access_token } = await lib.startSession(db, userId);
  const user = await lib.resolvePrincipal(new Headers({ authorization: `Bearer ${access_token}` }), 'user');
  if (user.kind !== 'user') throw new Error('expected a user principal');
  const shop = await lib.createShop(user, lib.createShopInput.parse({ name: 'Bench Shop' }));
  const shopKey = await lib.resolvePrincipal(new Headers({ 'x-api-key': shop.api_key }), 'user_or_key');
  if (shopKey.kind !== 'shop') throw new Error('expected a shop principal');

  const results: ChainResult[] = [];
  if (nodes.litecoin) results.push(await benchLitecoin(lib, db, shopKey, nodes.litecoin, backendPids));
  if (nodes.evm) results.push(await benchEvm(lib, db, shopKey, nodes.evm, usdt!, backendPids));
  await report(results, db, lib);
}

async function openDatabase(lib: Lib): Promise<Database> {
  const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
  if (USE_PGLITE) {
    // As `npm start` runs it without DATABASE_URL: PGlite in the data folder, in this process.
    const client = new lib.pglite.PGlite(path.join(dataDir, 'pglite'));
    const db = lib.drizzlePglite.drizzle(client, { schema: lib.schema, logger: countingLogger });
    await lib.migratePglite.migrate(db, { migrationsFolder });
    lib.client.installDatabase({
      db: db as unknown as Database,
      driver: 'pglite',
      executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }),
      migrate: async () => {},
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return () => unlisten();
      },
      close: () => client.close(),
    });
    closeDb = () => lib.client.closeDatabase();
    log(`database: PGlite in ${path.join(dataDir, 'pglite')}`);
    return db as unknown as Database;
  }
  await admin!.unsafe(`create database "${dbName}"`);
  dbCreated = true;
  const handle = lib.client.openPostgres(dbUrl);
  await handle.migrate();
  // The app's pool size (10); a client of our own only so that every statement passes the counting logger.
  const sql = postgres(dbUrl, { max: 10, onnotice: () => {} });
  const db = lib.drizzlePostgres.drizzle(sql, { schema: lib.schema, logger: countingLogger }) as unknown as Database;
  lib.client.installDatabase({ ...handle, db, close: async () => void (await Promise.all([sql.end({ timeout: 2 }), handle.close()])) });
  closeDb = () => lib.client.closeDatabase();
  log(`database: ${dbName} on ${new URL(ADMIN_URL).host}`);
  return db;
}

/** `count` payments through createCryptoPayment (the API's own domain function), `concurrency` at a time. */
async function createPayments(
  lib: Lib,
  shopKey: Principal,
  count: number,
  body: (i: number) => Record<string, unknown>,
): Promise<{ addresses: string[]; ms: number }> {
  const addresses: string[] = new Array(count);
  let next = 0;
  const started = performance.now();
  let lastLog = started;
  await Promise.all(
    Array.from({ length: P.concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const { payment } = await lib.createCryptoPayment(shopKey, lib.createCryptoPaymentInput.parse({ expires_minutes: 1440, ...body(i) }));
        addresses[i] = payment.deposit_address;
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`  ${int(next)} / ${int(count)} payments`);
        }
      }
    }),
  );
  return { addresses, ms: performance.now() - started };
}

/** Which of `blocks` new blocks carry deposits: `depositBlocks` of them, spread evenly, the first one first. */
function depositBlockIndexes(blocks: number, depositBlocks: number): Set<number> {
  return new Set(Array.from({ length: depositBlocks }, (_, k) => Math.floor((k * blocks) / depositBlocks)));
}

/** scanNetwork until the cursor is at the node's tip (the first run puts a new cursor at the tip). */
async function catchUp(lib: Lib, db: Database, adapter: ChainAdapter, network: 'litecoin' | 'ethereum', chain: 'regtest' | 'dev'): Promise<number> {
  const tip = (await adapter.tip()).height;
  for (;;) {
    const r = await lib.scanNetwork(db, adapter, { network, chain, startBelowTip: 0, maxBlocks: P.maxBlocks });
    if (!r.ran) throw new Error(`${network}: the watcher did not run (lease held?)`);
    if (r.scannedTo >= tip) return r.scannedTo;
  }
}

/**
 * The measured part, the same for both chains: one timed catch-up over the blocks produced, then the node alone over
 * the same blocks, then the runs that follow in a steady state (no new block; one new empty block).
 */
async function measure(
  lib: Lib,
  db: Database,
  network: 'litecoin' | 'ethereum',
  chain: 'regtest' | 'dev',
  nodePid: number | undefined,
  backendPids: () => Promise<number[]>,
  mineOne: () => Promise<unknown>,
  nodeAlone: (from: number, to: number) => Promise<ChainResult['nodeAlone']>,
): Promise<Omit<ChainResult, 'title' | 'setup' | 'check'>> {
  const base = lib.watchedNetworks().find((w) => w.network === network);
  if (!base || base.chain !== chain) throw new Error(`${network} is not configured on ${chain}`);
  const probe = instrument(base.adapter);
  const { scanNetwork } = lib;
  const from = (await db.select().from(lib.schema.chainCursors).where(lib.drizzleOrm.eq(lib.schema.chainCursors.network, network)))[0]!.height;
  const tip = (await base.adapter.tip()).height;
  log(`  timed catch-up: blocks ${from + 1}..${tip} (maxBlocks ${P.maxBlocks} per run)`);

  const cpu = new CpuMeter(nodePid, backendPids);
  await cpu.start();
  resetStatements();
  let runs = 0;
  let blocks = 0;
  let deposits = 0;
  let blockLoopMs = 0;
  let pendingMs = 0;
  let settleMs = 0;
  const started = performance.now();
  for (;;) {
    statements.phase = 'blocks';
    const runStarted = performance.now();
    const r = await scanNetwork(db, probe.adapter, { network, chain, startBelowTip: 0, maxBlocks: P.maxBlocks });
    const runEnded = performance.now();
    if (!r.ran) throw new Error(`${network}: the watcher did not run`);
    if (r.reorgs) throw new Error(`${network}: ${r.reorgs} reorgs during the timed catch-up`);
    runs++;
    blocks += r.blocks;
    deposits += r.deposits;
    blockLoopMs += probe.stats.pendingStart - runStarted;
    pendingMs += probe.stats.pendingEnd - probe.stats.pendingStart;
    settleMs += runEnded - probe.stats.pendingEnd;
    if (r.scannedTo >= tip) break;
  }
  const wallMs = performance.now() - started;
  const cpuUsed = await cpu.stop();
  statements.phase = 'setup';
  const rpc = structuredClone(probe.stats.calls);
  const counted = { blocks: statements.count.blocks, pending: statements.count.pending, settle: statements.count.settle };
  log(`  ${int(blocks)} blocks, ${int(deposits)} deposits in ${s(wallMs)} s over ${runs} run(s)`);

  const alone = await nodeAlone(from + 1, tip);
  log(`  node alone: ${alone.calls} calls in ${s(alone.ms)} s`);

  // The watched set scanNetwork loads at the start of every run, timed on its own (the same query).
  const { walletAddresses } = lib.schema;
  const { and, eq } = lib.drizzleOrm;
  const loads: number[] = [];
  for (let i = 0; i < STEADY_RUNS; i++) {
    const t = performance.now();
    await db
      .select({ address: walletAddresses.address })
      .from(walletAddresses)
      .where(and(eq(walletAddresses.network, network), eq(walletAddresses.chain, chain), eq(walletAddresses.purpose, 'deposit')));
    loads.push(performance.now() - t);
  }

  // What a watcher then costs every interval (5 s by default): a run with nothing new, and a run with one empty block.
  const steady = async (before: () => Promise<unknown>) => {
    const times: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < STEADY_RUNS; i++) {
      await before();
      resetStatements();
      statements.phase = 'blocks';
      const t = performance.now();
      await scanNetwork(db, base.adapter, { network, chain, startBelowTip: 0, maxBlocks: P.maxBlocks });
      times.push(performance.now() - t);
      statements.phase = 'setup';
      counts.push(statements.count.blocks + statements.count.pending + statements.count.settle);
    }
    return { ms: median(times), statements: median(counts) };
  };
  const idle = await steady(async () => {});
  const oneBlock = await steady(mineOne);
  log(`  steady state: idle run ${idle.ms.toFixed(0)} ms, one new empty block ${oneBlock.ms.toFixed(0)} ms`);

  return {
    runs,
    blocks,
    deposits,
    wallMs,
    rpc,
    blockLoopMs,
    pendingMs,
    settleMs,
    statements: counted,
    cpu: cpuUsed,
    nodeAlone: alone,
    watchedLoadMs: median(loads),
    idle,
    oneBlock,
  };
}

/** Payments and deposits after the run: every deposit recorded once, every paid payment confirming or completed. */
async function checkOutcome(lib: Lib, db: Database, network: 'litecoin' | 'ethereum', expectedDeposits: number): Promise<string> {
  const { cryptoDeposits, cryptoPayments } = lib.schema;
  const { eq, sql } = lib.drizzleOrm;
  const [deposits] = await db.select({ n: sql<number>`count(*)::int` }).from(cryptoDeposits).where(eq(cryptoDeposits.network, network));
  const statuses = await db
    .select({ status: cryptoPayments.status, n: sql<number>`count(*)::int` })
    .from(cryptoPayments)
    .where(eq(cryptoPayments.network, network))
    .groupBy(cryptoPayments.status);
  const byStatus = Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]));
  if (Number(deposits!.n) !== expectedDeposits) throw new Error(`${network}: ${deposits!.n} deposits recorded, expected ${expectedDeposits}`);
  const paid = (byStatus.completed ?? 0) + (byStatus.confirming ?? 0);
  if (paid !== expectedDeposits) throw new Error(`${network}: ${paid} payments confirming or completed, expected ${expectedDeposits} (${JSON.stringify(byStatus)})`);
  const problems = await lib.checkLedger(db);
  if (problems.length) throw new Error(`${network}: the ledger does not balance: ${JSON.stringify(problems.slice(0, 3))}`);
  return `${int(Number(deposits!.n))} deposits recorded; payments ${Object.entries(byStatus).map(([k, v]) => `${k} ${int(v)}`).join(', ')}; ledger balanced`;
}

async function benchLitecoin(
  lib: Lib,
  db: Database,
  shopKey: Principal,
  node: LitecoinNode,
  backendPids: () => Promise<number[]>,
): Promise<ChainResult> {
  const p = P.ltc;
  log(`litecoin: creating ${int(P.addresses)} LTC payments (createCryptoPayment, ${P.concurrency} at a time)`);
  const created = await createPayments(lib, shopKey, P.addresses, (i) => ({ order_id: `ltc-${i}`, currency: 'ltc', amount_crypto: LTC_DEPOSIT }));
  log(`  ${int(P.addresses)} payments in ${s(created.ms)} s`);

  // Regtest MWEB activates at height 432 and blocks need a peg-in from then on: take the chain past it first if the
  // blocks to come would cross it (every block then carries a HogEx transaction, as on mainnet).
  const height = await node.rpc<number>('getblockcount');
  if (height + p.blocks + STEADY_RUNS + 1 >= 431) await node.activateMweb();

  const adapter = lib.watchedNetworks().find((w) => w.network === 'litecoin')!.adapter;
  await catchUp(lib, db, adapter, 'litecoin', 'regtest');

  // The blocks to scan: `deposits` outputs to watched addresses, `batch` per sendmany, one sendmany per deposit block,
  // spread evenly over `blocks` blocks; the other blocks carry only their coinbase.
  const depositBlocks = Math.ceil(p.deposits / p.batch);
  const withDeposits = depositBlockIndexes(p.blocks, depositBlocks);
  const started = performance.now();
  let paid = 0;
  let empty = 0;
  for (let i = 0; i < p.blocks; i++) {
    if (!withDeposits.has(i)) {
      empty++;
      continue;
    }
    if (empty) await node.mine(empty);
    empty = 0;
    const outputs = Object.fromEntries(created.addresses.slice(paid, Math.min(paid + p.batch, p.deposits)).map((a) => [a, LTC_DEPOSIT]));
    paid += Object.keys(outputs).length;
    await node.rpc('sendmany', ['', outputs]);
    await node.mine(1);
  }
  if (empty) await node.mine(empty);
  const produceMs = performance.now() - started;
  log(`  produced ${p.blocks} blocks with ${paid} deposits (${depositBlocks} sendmany of up to ${p.batch} outputs) in ${s(produceMs)} s`);

  const nodePid = findPid([`-datadir=${node.datadir}`]);
  const m = await measure(lib, db, 'litecoin', 'regtest', nodePid, backendPids, () => node.mine(1), async (from, to) => {
    // getblockhash + getblock <hash> 2, as the adapter asks, each answer read as text and nothing else.
    let ms = 0;
    const texts: string[] = [];
    for (let h = from; h <= to; h++) {
      const hash = await rawRpc(node.rpcUrl, 'getblockhash', [h], '1.0');
      const block = await rawRpc(node.rpcUrl, 'getblock', [resultOf<string>(hash.text), 2], '1.0');
      ms += hash.ms + block.ms;
      texts.push(block.text);
    }
    // The adapter parses with lossless-json (exact amounts); JSON.parse for comparison.
    const exact = (text: string) => (/^-?[0-9]+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text);
    let t = performance.now();
    for (const text of texts) parseLosslessJson(text, null, exact);
    const lossless = performance.now() - t;
    t = performance.now();
    for (const text of texts) JSON.parse(text);
    const plain = performance.now() - t;
    const bytes = sum(texts.map((x) => x.length));
    return {
      ms,
      calls: 2 * (to - from + 1),
      what: 'getblockhash + getblock(hash, 2) per block',
      parseMs: lossless,
      parseWhat: `parsing them: lossless-json (as the adapter does) ${lossless.toFixed(1)} ms, JSON.parse ${plain.toFixed(1)} ms, for ${int(bytes / 1024)} KiB of getblock answers`,
    };
  });
  return {
    title: 'Litecoin Core regtest',
    setup: {
      payments: P.addresses,
      createMs: created.ms,
      blocks: p.blocks,
      deposits: paid,
      produceMs,
      depositBlocks,
      detail: `${depositBlocks} blocks with one sendmany of ${p.batch} outputs of ${LTC_DEPOSIT} LTC each to watched addresses, ${p.blocks - depositBlocks} with only the coinbase`,
    },
    ...m,
    check: await checkOutcome(lib, db, 'litecoin', paid),
  };
}

async function benchEvm(
  lib: Lib,
  db: Database,
  shopKey: Principal,
  node: EvmNode,
  usdt: TestToken,
  backendPids: () => Promise<number[]>,
): Promise<ChainResult> {
  const p = P.evm;
  const half = Math.ceil(P.addresses / 2);
  log(`ethereum: creating ${int(half)} ETH and ${int(P.addresses - half)} USDT (ERC-20) payments (createCryptoPayment, ${P.concurrency} at a time)`);
  const created = await createPayments(lib, shopKey, P.addresses, (i) =>
    i < half ? { order_id: `eth-${i}`, currency: 'eth', amount_crypto: '0.01' } : { order_id: `usdt-${i}`, currency: 'usdt_erc20', amount_crypto: '5' },
  );
  log(`  ${int(P.addresses)} payments in ${s(created.ms)} s`);
  const ethAddresses = created.addresses.slice(0, half) as Address[];
  const usdtAddresses = created.addresses.slice(half) as Address[];

  const adapter = lib.watchedNetworks().find((w) => w.network === 'ethereum')!.adapter;
  await catchUp(lib, db, adapter, 'ethereum', 'dev');

  // Many transactions per block: automining off, the batch sent (ETH and token transfers alternating, from account 0
  // with explicit nonces and gas), then one evm_mine. Empty blocks: one evm_mine each (hardhat_mine's extra blocks
  // name a zero parent hash).
  const rpc = <T>(method: string, params: unknown[] = []) => node.testClient.request({ method, params } as never) as Promise<T>;
  await rpc('evm_setAutomine', [false]);
  const from = node.account.address;
  let nonce = Number(BigInt(await rpc<Hex>('eth_getTransactionCount', [from, 'pending'])));
  const depositBlocks = Math.ceil(p.deposits / p.batch);
  const withDeposits = depositBlockIndexes(p.blocks, depositBlocks);
  const ethCount = Math.ceil(p.deposits / 2);
  let eth = 0;
  let token = 0;
  const started = performance.now();
  for (let i = 0; i < p.blocks; i++) {
    if (withDeposits.has(i)) {
      const hashes: Hex[] = [];
      for (let k = 0; k < p.batch && eth + token < p.deposits; k++) {
        const sendEth = (k % 2 === 0 && eth < ethCount) || token >= p.deposits - ethCount;
        const tx = sendEth
          ? { from, to: ethAddresses[eth++]!, value: `0x${ETH_DEPOSIT_WEI.toString(16)}`, gas: '0x5208' }
          : {
              from,
              to: usdt.address,
              data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [usdtAddresses[token++]!, USDT_DEPOSIT_UNITS] }),
              gas: `0x${(120_000).toString(16)}`,
            };
        hashes.push(await rpc<Hex>('eth_sendTransaction', [{ ...tx, nonce: `0x${(nonce++).toString(16)}` }]));
      }
      await rpc('evm_mine');
      const last = await rpc<{ status: Hex } | null>('eth_getTransactionReceipt', [hashes.at(-1)]);
      if (!last || last.status !== '0x1') throw new Error(`ethereum: the last transfer of block ${i} did not succeed`);
    } else {
      await rpc('evm_mine');
    }
  }
  const produceMs = performance.now() - started;
  log(`  produced ${p.blocks} blocks with ${eth} ETH and ${token} USDT transfers to watched addresses (${depositBlocks} blocks of up to ${p.batch}) in ${s(produceMs)} s`);

  const url = new URL(node.rpcUrl);
  const nodePid = findPid(['node', '--port', url.port]) ?? findPid(['--port', url.port]);
  const watched = new Set<string>([...ethAddresses.slice(0, eth), ...usdtAddresses.slice(0, token)].map((a) => a.toLowerCase()));
  const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
  const m = await measure(lib, db, 'ethereum', 'dev', nodePid, backendPids, () => rpc('evm_mine'), async (fromHeight, to) => {
    // The adapter's calls: eth_getBlockByNumber(n, true), a receipt per native transfer to a watched address, and
    // eth_getLogs of the token's Transfer events by block hash. Answers read as text; the JSON.parse needed to pick the
    // receipts is not counted.
    let ms = 0;
    let calls = 0;
    for (let h = fromHeight; h <= to; h++) {
      const block = await rawRpc(node.rpcUrl, 'eth_getBlockByNumber', [`0x${h.toString(16)}`, true], '2.0');
      ms += block.ms;
      calls++;
      const parsed = resultOf<{ hash: Hex; transactions: { hash: Hex; to: string | null; value: Hex }[] }>(block.text);
      for (const tx of parsed.transactions) {
        if (!tx.to || BigInt(tx.value) === 0n || !watched.has(tx.to.toLowerCase())) continue;
        ms += (await rawRpc(node.rpcUrl, 'eth_getTransactionReceipt', [tx.hash], '2.0')).ms;
        calls++;
      }
      ms += (await rawRpc(node.rpcUrl, 'eth_getLogs', [{ blockHash: parsed.hash, address: [usdt.address], topics: [TRANSFER_TOPIC] }], '2.0')).ms;
      calls++;
    }
    return { ms, calls, what: 'eth_getBlockByNumber(n, true) + eth_getTransactionReceipt per watched ETH transfer + eth_getLogs per block' };
  });
  return {
    title: 'Hardhat EVM dev node',
    setup: {
      payments: P.addresses,
      createMs: created.ms,
      blocks: p.blocks,
      deposits: eth + token,
      produceMs,
      depositBlocks,
      detail: `${depositBlocks} blocks with ${p.batch} transactions each (ETH 0.01 and USDT 5 transfers alternating, to watched addresses), ${p.blocks - depositBlocks} empty blocks`,
    },
    ...m,
    check: await checkOutcome(lib, db, 'ethereum', eth + token),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The report

async function report(results: ChainResult[], db: Database, lib: Lib): Promise<void> {
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU';
  const version = USE_PGLITE
    ? 'PGlite (embedded, in process)'
    : lib.client.resultRows<{ v: string }>(await db.execute(lib.drizzleOrm.sql`select current_setting('server_version') as v`))[0]!.v;
  const litecoind = nodes.litecoin ? (await nodes.litecoin.rpc<{ subversion: string }>('getnetworkinfo')).subversion : null;
  const hardhat = nodes.evm ? await nodes.evm.testClient.request({ method: 'web3_clientVersion' } as never) : null;
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(`${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores (${cpuModel}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM,`);
  out(`database ${USE_PGLITE ? version : `PostgreSQL ${version}`}${litecoind ? `, litecoind ${litecoind}` : ''}${hardhat ? `, ${hardhat}` : ''}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  out(`${int(P.addresses)} watched deposit addresses per chain; maxBlocks ${P.maxBlocks} per timed run`);
  for (const r of results) out(`- ${r.title}: ${r.setup.detail}; ${int(r.setup.payments)} payments created in ${s(r.setup.createMs)} s, blocks produced in ${s(r.setup.produceMs)} s`);
  out();
  const row = (label: string, f: (r: ChainResult) => string) => out(`| ${label} | ${results.map(f).join(' | ')} |`);
  out(`| | ${results.map((r) => r.title).join(' | ')} |`);
  out(`|---|${results.map(() => '---:').join('|')}|`);
  const rpcMs = (r: ChainResult) => r.rpc.tip.ms + r.rpc.blockHash.ms + r.rpc.block.ms + r.rpc.pending.ms;
  row('blocks scanned / deposits matched', (r) => `${int(r.blocks)} / ${int(r.deposits)}`);
  row('catch-up wall time, s (runs)', (r) => `${s(r.wallMs)} (${r.runs})`);
  row('**blocks/s**', (r) => `**${rate(r.blocks, r.wallMs)}**`);
  row('**matched deposits/s**', (r) => `**${rate(r.deposits, r.wallMs)}**`);
  row('in the adapter (node RPC + parsing), s', (r) => `${s(rpcMs(r))} (${pct(rpcMs(r), r.wallMs)})`);
  row('&nbsp;&nbsp;of which the node alone, s', (r) => `${s(r.nodeAlone.ms)} (${pct(r.nodeAlone.ms, r.wallMs)})`);
  row('**in KPay = wall - adapter, s**', (r) => `**${s(r.wallMs - rpcMs(r))} (${pct(r.wallMs - rpcMs(r), r.wallMs)})**`);
  row('&nbsp;&nbsp;block loop (claim, address set, per-block writes), s', (r) => s(r.blockLoopMs - r.rpc.tip.ms - r.rpc.blockHash.ms - r.rpc.block.ms));
  row('&nbsp;&nbsp;recount confirmations + settle payments, s', (r) => s(r.settleMs));
  row('SQL statements: block loop / mempool / recount + settle', (r) => `${int(r.statements.blocks)} / ${int(r.statements.pending)} / ${int(r.statements.settle)}`);
  row('CPU s: KPay process / PostgreSQL backends / node', (r) => `${s(r.cpu.kpay)} / ${r.cpu.database === null ? 'in process' : s(r.cpu.database)} / ${r.cpu.node === null ? '?' : s(r.cpu.node)}`);
  row(`loading the watched set (${int(P.addresses)} rows), ms`, (r) => r.watchedLoadMs.toFixed(1));
  row('steady run, nothing new: ms (statements)', (r) => `${r.idle.ms.toFixed(0)} (${int(r.idle.statements)})`);
  row('steady run, one new empty block: ms (statements)', (r) => `${r.oneBlock.ms.toFixed(0)} (${int(r.oneBlock.statements)})`);
  out();
  for (const r of results) {
    out(`${r.title}: adapter calls ${Object.entries(r.rpc).map(([k, v]) => `${k} ${v.n} in ${s(v.ms)} s`).join(', ')}.`);
    out(`  Node alone: ${r.nodeAlone.calls} calls (${r.nodeAlone.what}) in ${s(r.nodeAlone.ms)} s${r.nodeAlone.parseWhat ? `; ${r.nodeAlone.parseWhat}` : ''}.`);
    out(`  Check: ${r.check}.`);
  }
  console.log(`\n${lines.join('\n')}\n`);
}

async function run(): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void run();
