import PgBoss from 'pg-boss';
import { database, databaseHandle } from '@/db/client';
import { watchedNetworks } from '@/lib/chains/chain-adapter-for';
import { config } from '@/lib/config/config';
import { expireDueCryptoPayments } from '@/lib/crypto-payments/expire-due-crypto-payments';
import { failUnderpaidCryptoPayments } from '@/lib/deposits/fail-underpaid-crypto-payments';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { sweepEvmDeposits } from '@/lib/withdrawals/evm/sweep-evm-deposits';
import { processWithdrawals } from '@/lib/withdrawals/process-withdrawals';
import { logger } from '@/lib/observability/logger';
import { JOB_QUEUE_SCHEMA } from './count-waiting-jobs';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { releaseHeldAmounts } from '@/lib/transactions/held-amounts';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';

/**
 * Recurring work. Every process that runs jobs asks for each job once per interval with pg-boss's throttled send, so
 * across all app and worker processes one job per interval is queued, and pg-boss hands each job to one of them.
 */
const JOBS: { name: string; everySeconds: number; run: () => Promise<unknown> }[] = [
  // One watcher per network with a node: the queue hands each run to one process, and the cursor's lease keeps a
  // second process (or a run that overlaps) from scanning the same network at once.
  ...watchedNetworks().map(({ network, chain, adapter }) => ({
    name: `watch-${network}`,
    everySeconds: config().crypto.watch.intervalSeconds,
    run: async () => scanNetwork(await database(), adapter, { network, chain, startBelowTip: config().crypto.watch.startBelowTip }),
  })),
  {
    name: 'process-withdrawals',
    everySeconds: 5,
    run: async () => processWithdrawals(await database()),
  },
  {
    // Confirmed EVM deposits into the hot wallet (token deposits after a gas top-up); a network without a node is skipped.
    name: 'sweep-evm-deposits',
    everySeconds: 30,
    run: async () => sweepEvmDeposits(await database()),
  },
  {
    name: 'fail-underpaid-crypto-payments',
    everySeconds: 30,
    run: async () => failUnderpaidCryptoPayments(await database()),
  },
  {
    name: 'expire-transactions',
    everySeconds: 5,
    // Expiry starts each transaction's SMS lookback; amounts whose lookback has passed are given back.
    run: async () =>
      (await database()).transaction(async (tx) => {
        await expireDueTransactions(tx);
        await releaseHeldAmounts(tx);
      }),
  },
  {
    name: 'expire-crypto-payments',
    everySeconds: 5,
    run: async () => expireDueCryptoPayments(await database()),
  },
  {
    name: 'deliver-webhooks',
    everySeconds: 1,
    // Drain what is due now; a full batch means there may be more.
    run: async () => {
      while ((await deliverDueWebhooks(20)) === 20);
    },
  },
];

export interface RunningJobs {
  stop(): Promise<void>;
}

/** Starts the job queue on the process's database (PostgreSQL or the embedded PGlite) and works every job. */
export async function startJobs(): Promise<RunningJobs> {
  const handle = await databaseHandle();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
    schema: JOB_QUEUE_SCHEMA,
    // Cron schedules are not used: the throttled sends below replace them at second resolution.
    schedule: false,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: 0, expireInSeconds: 300 });
    await boss.work(job.name, { pollingIntervalSeconds: 0.5 }, async () => {
      await job.run();
    });
  }
  const request = () =>
    Promise.all(JOBS.map((job) => boss.sendThrottled(job.name, {}, {}, job.everySeconds))).catch((err: unknown) =>
      logger.error({ err }, 'could not queue recurring jobs'),
    );
  await request();
  const timer = setInterval(request, 1000);
  logger.info({ jobs: JOBS.map((j) => j.name) }, 'jobs started');
  return {
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
