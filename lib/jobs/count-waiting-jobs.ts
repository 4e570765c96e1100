import { databaseHandle } from '@/db/client';

/** The PostgreSQL schema pg-boss keeps its queue in (lib/jobs/start-jobs.ts). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Jobs waiting in the queue (created, or retry after a failure), by queue and state: pg-boss's partial index on
 * waiting jobs keeps this cheap however many finished ones it keeps. Throws (PostgreSQL's 42P01) when no process has
 * ever started the queue on this database.
 */
export async function countWaitingJobs(): Promise<{ queue: string; state: string; n: number }[]> {
  const { rows } = await (await databaseHandle()).executeSql(
    `select name as queue, state::text as state, count(*)::int as n from ${JOB_QUEUE_SCHEMA}.job where state < 'active' group by name, state`,
  );
  return rows as { queue: string; state: string; n: number }[];
}
