// `npm run worker`: runs the background jobs (expiry sweeps, chain watchers, webhook delivery) in a process of its own, for scale-out.
// Any number of workers and app processes may share one PostgreSQL; each job runs once. The embedded database
// allows one process only, so a worker needs DATABASE_URL.
import { closeDatabase } from '@/db/client';
import { config } from '@/lib/config/config';
import { startJobs } from '@/lib/jobs/start-jobs';
import { logger } from '@/lib/observability/logger';

async function main() {
  if (!config().databaseUrl) {
    logger.fatal('npm run worker needs DATABASE_URL: the embedded database runs jobs inside `npm start` itself');
    process.exit(1);
  }
  const jobs = await startJobs();
  const stop = async (signal: string) => {
    logger.info({ signal }, 'worker stopping');
    // A stuck shutdown must not keep the process alive: leases hand its work to others anyway.
    setTimeout(() => process.exit(1), 20_000).unref();
    await jobs.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
