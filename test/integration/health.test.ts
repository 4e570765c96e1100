import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseHandle, type DatabaseHandle, installDatabase, openPglite, openPostgres } from '@/db/client';
import { chainCursors } from '@/db/schema';
import { JOB_QUEUE_SCHEMA } from '@/lib/jobs/count-waiting-jobs';
import { apiClient } from '../api-client';
import { freePort } from '../chains/processes';
import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../chains/litecoind';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

const testDatabase = setupTestDatabase();
const call = apiClient();

const NO_NODES = { KPAY_LITECOIN_NODE_URL: undefined, KPAY_ETHEREUM_NODE_URL: undefined, KPAY_TRON_NODE_URL: undefined };

/** Installs pg-boss's schema as the first job-running process (an app with KPAY_JOBS=inline, or a worker) does. */
async function installJobQueue() {
  const handle = await databaseHandle();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
    schema: JOB_QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

describe('GET /api/health', () => {
  it('answers 200 ok without touching the database', async () => {
    const running = await databaseHandle();
    // A database that cannot answer: liveness must not care.
    installDatabase(await closedDatabase());
    try {
      const res = await call('GET', '/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    } finally {
      installDatabase(running);
    }
  });
});

describe('GET /api/health/ready', () => {
  // Each call checks afresh here; the shared answer has its own tests below.
  beforeAll(() => reconfigure({ ...NO_NODES, KPAY_READY_CACHE_SECONDS: '0' }));
  afterAll(() =>
    reconfigure({
      KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443',
      KPAY_ETHEREUM_NODE_URL: 'http://127.0.0.1:8545',
      KPAY_TRON_NODE_URL: 'http://127.0.0.1:8090',
      KPAY_READY_CACHE_SECONDS: undefined,
    }),
  );

  it('is 503 while no process has started the job queue, naming each check', async () => {
    const res = await call('GET', '/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'not_ready', message: 'Not ready: job_queue' });
    expect(res.body.error.fields).toEqual({ database: 'ok', job_queue: expect.stringMatching(/^job queue not installed/) });
  });

  it('is 200 with every check once the queue exists (no chain node configured)', async () => {
    await installJobQueue();
    const res = await call('GET', '/api/health/ready');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      checks: { database: { ok: true, ms: expect.any(Number) }, job_queue: { ok: true, queued_jobs: 0 }, chain_nodes: [] },
    });
  });

  it('is 503 when the database is down, within the check timeout', async () => {
    const running = await databaseHandle();
    installDatabase(await closedDatabase());
    try {
      const started = performance.now();
      const res = await call('GET', '/api/health/ready');
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(res.status).toBe(503);
      expect(res.body.error.fields).toMatchObject({ database: 'database query failed', job_queue: 'job queue query failed' });
    } finally {
      installDatabase(running);
    }
  });

  it('is 503 when a node refuses, without showing its address or credentials', async () => {
    const port = await freePort();
    reconfigure({ KPAY_LITECOIN_NODE_URL: `http://kpayrpc:s3cretpw@127.0.0.1:${port}/` });
    try {
      const res = await call('GET', '/api/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.error.fields).toEqual({ database: 'ok', job_queue: 'ok', 'chain_nodes.litecoin': 'the node refused or could not be reached' });
      const text = JSON.stringify(res.body);
      for (const secret of ['s3cretpw', 'kpayrpc', String(port), '127.0.0.1']) expect(text).not.toContain(secret);
    } finally {
      reconfigure(NO_NODES);
    }
  });

  it('is 503 within about 2 s when a node accepts the connection and never answers', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    reconfigure({ KPAY_ETHEREUM_NODE_URL: `http://127.0.0.1:${port}/` });
    try {
      const started = performance.now();
      const res = await call('GET', '/api/health/ready');
      const ms = performance.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.error.fields['chain_nodes.ethereum']).toBe('no answer within 2 s');
      expect(ms).toBeGreaterThanOrEqual(1_900);
      expect(ms).toBeLessThan(4_000);
    } finally {
      reconfigure(NO_NODES);
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe('one shared answer (KPAY_READY_CACHE_SECONDS)', () => {
    let node: CountingNode;
    beforeAll(async () => {
      await installJobQueue();
      node = await countingNode();
    });
    afterEach(() => {
      node.failing = false;
    });
    afterAll(async () => {
      reconfigure({ ...NO_NODES, KPAY_READY_CACHE_SECONDS: '0' });
      await node?.close();
    });

    it('asks the node once for concurrent calls and the calls within the window, then again after it', async () => {
      reconfigure({ KPAY_LITECOIN_NODE_URL: node.url, KPAY_READY_CACHE_SECONDS: '1' });
      const answers = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/api/health/ready')));
      expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
      expect(answers[0]!.body.checks.chain_nodes).toEqual([expect.objectContaining({ network: 'litecoin', ok: true, tip_height: 42 })]);
      for (const res of answers) expect(res.body).toEqual(answers[0]!.body);
      expect(node.calls).toBe(1);

      expect((await call('GET', '/api/health/ready')).status).toBe(200);
      expect(node.calls).toBe(1);

      await sleep(1_100);
      expect((await call('GET', '/api/health/ready')).status).toBe(200);
      expect(node.calls).toBe(2);
    });

    it('shares a failing answer for as long, so a dead node is not asked again and again', async () => {
      // A new configuration: the answer checked with the previous one is not reused.
      reconfigure({ KPAY_LITECOIN_NODE_URL: node.url, KPAY_READY_CACHE_SECONDS: '1' });
      node.failing = true;
      const before = node.calls;
      const answers = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/api/health/ready')));
      expect(answers.map((res) => res.status)).toEqual(Array(20).fill(503));
      expect(answers[0]!.body.error.fields).toEqual({ database: 'ok', job_queue: 'ok', 'chain_nodes.litecoin': 'the node refused or could not be reached' });
      expect((await call('GET', '/api/health/ready')).status).toBe(503);
      expect(node.calls - before).toBe(1);

      node.failing = false;
      await sleep(1_100);
      expect((await call('GET', '/api/health/ready')).status).toBe(200);
      expect(node.calls - before).toBe(2);
    });

    it('is checked again for another database', async () => {
      reconfigure({ KPAY_LITECOIN_NODE_URL: node.url, KPAY_READY_CACHE_SECONDS: '60' });
      expect((await call('GET', '/api/health/ready')).status).toBe(200);
      const running = await databaseHandle();
      installDatabase(await closedDatabase());
      try {
        const res = await call('GET', '/api/health/ready');
        expect(res.status).toBe(503);
        expect(res.body.error.fields.database).not.toBe('ok');
      } finally {
        installDatabase(running);
      }
    });
  });

  describe.skipIf(!litecoindAvailable())('with a real Litecoin Core node', () => {
    let node: LitecoinNode;
    beforeAll(async () => {
      node = await startLitecoind();
      reconfigure({ KPAY_LITECOIN_NODE_URL: node.rpcUrl });
    });
    afterAll(async () => {
      reconfigure(NO_NODES);
      await node?.stop();
    });

    it("reports the node's tip and the watcher's lag behind it", async () => {
      const before = await call('GET', '/api/health/ready');
      expect(before.status, JSON.stringify(before.body)).toBe(200);
      expect(before.body.checks.chain_nodes).toEqual([
        { network: 'litecoin', chain: 'regtest', ok: true, tip_height: 0, cursor_height: null, lag_blocks: null },
      ]);

      const hashes = await node.mine(5);
      const db = (await databaseHandle()).db;
      await db.insert(chainCursors).values({ network: 'litecoin', chain: 'regtest', height: 2, blockHash: hashes[1]! });
      const res = await call('GET', '/api/health/ready');
      expect(res.status).toBe(200);
      expect(res.body.checks.chain_nodes).toEqual([
        { network: 'litecoin', chain: 'regtest', ok: true, tip_height: 5, cursor_height: 2, lag_blocks: 3 },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(new URL(node.rpcUrl).password);
    });
  });
});

let closed: Promise<DatabaseHandle> | undefined;
/** A database handle of the test's driver that fails every query: a server on a closed port, or a closed PGlite. */
function closedDatabase(): Promise<DatabaseHandle> {
  return (closed ??= (async () => {
    if (testDatabase.driver() === 'postgres') return openPostgres(`postgres://kpay@127.0.0.1:${await freePort()}/kpay`, { max: 1 });
    const handle = openPglite();
    await handle.close();
    return handle;
  })());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface CountingNode {
  url: string;
  /** JSON-RPC requests received. */
  calls: number;
  /** Answer as a node still loading its block index does: an RPC error. */
  failing: boolean;
  close(): Promise<void>;
}

/** A Litecoin node's JSON-RPC as far as readiness asks it (getblockchaininfo, tip 42), answering after 100 ms. */
async function countingNode(): Promise<CountingNode> {
  const server = createHttpServer((request, response) => {
    node.calls++;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const { id } = JSON.parse(body) as { id: number };
      const answer = node.failing
        ? { result: null, error: { code: -28, message: 'Loading block index...' }, id }
        : { result: { blocks: 42, bestblockhash: '42'.repeat(32) }, error: null, id };
      setTimeout(() => response.writeHead(node.failing ? 500 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)), 100);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const node: CountingNode = {
    url: `http://127.0.0.1:${port}/`,
    calls: 0,
    failing: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return node;
}
