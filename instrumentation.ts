/**
 * Runs once when the server starts: validate configuration, migrate the database, open the wallet (its phrase is
 * generated into the data folder, with a loud warning, on the first start without KPAY_WALLET_MNEMONIC), start the
 * in-process jobs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { closeDatabase, database } = await import('@/db/client');
  const { config } = await import('@/lib/config/config');
  const { logger } = await import('@/lib/observability/logger');
  await database();
  logger.info('database ready');
  (await import('@/lib/wallet/process-wallet')).processWallet();
  const jobs = config().runJobsInline ? await (await import('@/lib/jobs/start-jobs')).startJobs() : null;
  // scripts/start.mjs calls this on SIGINT/SIGTERM.
  (globalThis as Record<symbol, unknown>)[Symbol.for('kpay.shutdown')] = async () => {
    await jobs?.stop();
    await closeDatabase();
  };
}
