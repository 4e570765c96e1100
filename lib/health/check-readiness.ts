import 'server-only';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
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

/**
 * Whether this instance can do its work: the database answers, the job queue is there, and every configured chain
 * node answers its tip (with the watcher's lag behind it). All checks run together, each within 2 s. Not ready is a
 * 503 `not_ready` naming every check, the passing ones too.
 */
export async function checkReadiness(): Promise<Readiness> {
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
