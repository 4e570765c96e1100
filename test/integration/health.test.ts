import { createServer, type Socket } from 'node:net';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  beforeAll(() => reconfigure(NO_NODES));
  afterAll(() => reconfigure({ KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443', KPAY_ETHEREUM_NODE_URL: 'http://127.0.0.1:8545', KPAY_TRON_NODE_URL: 'http://127.0.0.1:8090' }));

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
