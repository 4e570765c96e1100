import 'server-only';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database, type DatabaseHandle, databaseHandle } from '@/db/client';
import { type Config, config } from '@/lib/config/config';
import { countWaitingJobs } from '@/lib/jobs/count-waiting-jobs';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/observability/logger';
import { checkChainNodes } from './check-chain-nodes';
import type { readinessResponse } from './schemas';
import { TimeoutError, withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 2_000;
// PostgreSQL's code for a missing table: pg-boss's schema, before any process started the queue.
const UNDEFINED_TABLE = '42P01';

type Readiness = z.output<typeof readinessResponse>;
type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

interface SharedAnswer {
  database: Promise<DatabaseHandle>;
  config: Config;
  answer: Promise<Readiness>;
  /** performance.now() until which the answer is reused: endless while its checks run. */
  until: number;
}
let shared: SharedAnswer | undefined;

/**
 * runChecks' answer, shared: the endpoint is public, and each check asks the database, the job queue and every chain
 * node (a paid RPC plan, maybe), so calls while a check runs, and for KPAY_READY_CACHE_SECONDS after it, get its answer
 * (a failing one too: a dead node is not asked again and again). It belongs to the database and configuration it was
 * checked with: databaseHandle() answers the same promise until another database is installed (tests).
 */
export function checkReadiness(): Promise<Readiness> {
  const current = { database: databaseHandle(), config: config() };
  if (shared && shared.database === current.database && shared.config === current.config && performance.now() < shared.until) {
    return shared.answer;
  }
  const entry: SharedAnswer = { ...current, answer: runChecks(), until: Infinity };
  const expire = () => void (entry.until = performance.now() + current.config.readyCacheSeconds * 1000);
  entry.answer.then(expire, expire);
  shared = entry;
  return entry.answer;
}

/**
 * Whether this instance can do its work: the database answers, the job queue is there, and every configured chain
 * node answers its tip (with the watcher's lag behind it). All checks run together, each within 2 s. Not ready is a
 * 503 `not_ready` naming every check, the passing ones too.
 */
async function runChecks(): Promise<Readiness> {
  const [db, jobQueue, nodes] = await Promise.all([
    attempt('database', async () => {
      const started = performance.now();
      await (await database()).execute(sql`select 1`);
      return Math.round(performance.now() - started);
    }),
    // Fails when no process has ever started the queue here (no KPAY_JOBS=inline instance, no `npm run worker`).
    attempt('job queue', async () => (await countWaitingJobs()).reduce((sum, q) => sum + q.n, 0)),
    checkChainNodes(),
  ]);
  const answering = nodes.filter((n) => n.ok);
  if (db.ok && jobQueue.ok && answering.length === nodes.length) {
    return {
      status: 'ready',
      checks: {
        database: { ok: true, ms: db.value },
        job_queue: { ok: true, queued_jobs: jobQueue.value },
        chain_nodes: answering.map((n) => ({
          network: n.network,
          chain: n.chain,
          ok: n.ok,
          tip_height: n.tipHeight,
          cursor_height: n.cursorHeight,
          lag_blocks: n.lagBlocks,
        })),
      },
    };
  }
  const fields: Record<string, string> = {
    database: db.ok ? 'ok' : db.problem,
    job_queue: jobQueue.ok ? 'ok' : jobQueue.problem,
  };
  for (const n of nodes) {
    fields[`chain_nodes.${n.network}`] = n.ok ? `ok, ${n.lagBlocks ?? 'no'} blocks behind` : n.problem;
  }
  const failing = Object.entries(fields).filter(([, state]) => !state.startsWith('ok')).map(([name]) => name);
  throw new AppError('not_ready', `Not ready: ${failing.join(', ')}`, fields);
}

async function attempt<T>(name: string, check: () => Promise<T>): Promise<Check<T>> {
  try {
    return { ok: true, value: await withTimeout(check(), CHECK_TIMEOUT_MS) };
  } catch (error) {
    logger.warn({ err: error, check: name }, 'readiness check failed');
    const problem =
      error instanceof TimeoutError
        ? error.message
        : (error as { code?: string }).code === UNDEFINED_TABLE
          ? `${name} not installed: no process has started it yet (KPAY_JOBS=inline or npm run worker)`
          : `${name} query failed`;
    return { ok: false, problem };
  }
}
