// The processes of e2e/multi-instance.spec.ts: two KPay app instances and a worker on one fresh PostgreSQL database.
// The spec starts them (beforeAll) and stops them (afterAll): as playwright.config.ts webServers they ran through the
// whole suite, and their recurring jobs (and PostgreSQL serving them) took CPU from every other test.
//
// The database `kpay_e2e_<random>` is created on TEST_DATABASE_URL (an admin URL of a PostgreSQL server that may
// create databases; .ci/run sets it) and dropped at the end. PostgreSQL is required, like Chromium and litecoind:
// several instances cannot share the embedded database, and a skipped test would prove nothing.
//
// Each process runs in a process group of its own with its output in a log file in its temp folder, which is also its
// KPAY_DATA_DIR (test/chains/processes.ts: should the test worker die without afterAll, its exit handler and a reaper
// kill the processes).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { freePorts, type ManagedProcess, spawnManaged, waitUntilReady } from '../test/chains/processes';

const ROOT = path.join(__dirname, '..');

// The three share their secrets, as a real deployment's instances do. Few login failures make the shared limit quick
// to reach; webhooks may go to the spec's loopback receiver.
const SHARED_ENV = {
  LOG_LEVEL: 'warn',
  KPAY_JWT_SECRET: 'e2e-multi-instance-jwt-secret-0123456789',
  NEXTAUTH_SECRET: 'e2e-multi-instance-session-secret-012345',
  KPAY_ENCRYPTION_KEY: 'e2e-multi-instance-encryption-key-012345',
  KPAY_ALLOW_PRIVATE_WEBHOOKS: '1',
  KPAY_LOGIN_MAX_FAILURES: '3',
};

// The test worker's environment (as a webServer inherits the runner's) without its IPC channel to the runner: a node
// child given NODE_CHANNEL_FD would take its own fd 3 for such a channel.
const inherited = { ...process.env };
delete inherited.NODE_CHANNEL_FD;
delete inherited.NODE_CHANNEL_SERIALIZATION_MODE;

/** `npm run worker`'s command as package.json says it, run without npm and a shell in between: SIGTERM reaches the worker. */
function workerCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = scripts.worker!.split(' ');
  if (program !== 'node') throw new Error(`package.json's worker script no longer starts with node: ${scripts.worker}`);
  return args;
}

async function answersHttp(url: string) {
  const response = await fetch(`${url}/api/openapi.json`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url}/api/openapi.json answered ${response.status}`);
}

/**
 * Instance A serves and runs the jobs inline, instance B only serves (KPAY_JOBS=off), and the worker runs the jobs
 * too, so each job must still run once. start() registers each process as it spawns it, so stop() (in afterAll, which
 * runs even when beforeAll failed or timed out) stops whatever was started and drops the database.
 */
export class MultiInstanceDeployment {
  urlA = '';
  urlB = '';
  private readonly processes = new Map<string, ManagedProcess>();
  private database: { admin: postgres.Sql; name: string } | undefined;

  async start() {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      throw new Error(
        'TEST_DATABASE_URL is not set; the multi-instance e2e test needs a PostgreSQL server (an admin URL that may create ' +
          'databases, e.g. postgres://kpay_ci:kpay_ci@127.0.0.1:5432/kpay_ci; .ci/run sets it up).',
      );
    }
    const name = `kpay_e2e_${randomBytes(6).toString('hex')}`;
    this.database = { admin: postgres(adminUrl, { max: 1, onnotice: () => {} }), name };
    await this.database.admin.unsafe(`CREATE DATABASE ${name}`);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${name}`;
    const onDatabase = (dir: string) => ({ ...inherited, ...SHARED_ENV, DATABASE_URL: databaseUrl.toString(), KPAY_DATA_DIR: dir });

    const [portA, portB] = (await freePorts(2)) as [number, number];
    this.urlA = `http://localhost:${portA}`;
    this.urlB = `http://localhost:${portB}`;
    const instance = (label: string, port: number, url: string, jobs: 'inline' | 'off') =>
      this.spawn(label, ['scripts/start.mjs'], (dir) => ({ ...onDatabase(dir), PORT: String(port), KPAY_PUBLIC_URL: url, KPAY_JOBS: jobs }));
    // A and B start together (their migrations take turns on an advisory lock); the worker once A has set up the queue.
    const a = instance('instance-A', portA, this.urlA, 'inline');
    const b = instance('instance-B', portB, this.urlB, 'off');
    await Promise.all([
      waitUntilReady(a, 'instance A', () => answersHttp(this.urlA), { timeoutMs: 120_000, intervalMs: 250 }),
      waitUntilReady(b, 'instance B', () => answersHttp(this.urlB), { timeoutMs: 120_000, intervalMs: 250 }),
    ]);
    const worker = this.spawn('worker', workerCommand(), (dir) => ({ ...onDatabase(dir), LOG_LEVEL: 'info' }));
    await waitUntilReady(
      worker,
      'worker',
      async () => {
        if (!readFileSync(worker.logFile, 'utf8').includes('"jobs started"')) throw new Error('no "jobs started" in its log yet');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** The last lines each process logged, for the report of a failed test. */
  logTails(): [label: string, tail: string][] {
    return [...this.processes].map(([label, managed]) => [label, managed.logTail(50)]);
  }

  /** SIGTERM to each process and up to 20 s for its own shutdown (then the group is killed); then drops the database. */
  async stop() {
    await Promise.all(
      [...this.processes.values()].map((managed) => managed.stop({ graceful: async () => process.kill(managed.pid, 'SIGTERM'), timeoutMs: 20_000 })),
    );
    this.processes.clear();
    const database = this.database;
    this.database = undefined;
    if (!database) return;
    try {
      await database.admin.unsafe(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
    } finally {
      await database.admin.end();
    }
  }

  private spawn(label: string, args: string[], env: (dir: string) => NodeJS.ProcessEnv) {
    const managed = spawnManaged(process.execPath, () => args, { prefix: `kpay-e2e-${label}-`, cwd: ROOT, env });
    this.processes.set(label, managed);
    return managed;
  }
}
