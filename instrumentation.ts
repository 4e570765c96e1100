/** Runs once when the server starts: validate configuration and migrate the database before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { closeDatabase, database } = await import('@/db/client');
  const { logger } = await import('@/lib/observability/logger');
  await database();
  // scripts/start.mjs calls this on SIGINT/SIGTERM.
  (globalThis as Record<symbol, unknown>)[Symbol.for('kpay.shutdown')] = closeDatabase;
  logger.info('database ready');
}
