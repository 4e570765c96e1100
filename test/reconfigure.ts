/**
 * Changes environment variables for the rest of a test file and drops what was built from them (the configuration and
 * the rate quoter are read once per process and kept on globalThis), so the next call reads the new values.
 */
export function reconfigure(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const g = globalThis as Record<symbol, unknown>;
  delete g[Symbol.for('kpay.config')];
  delete g[Symbol.for('kpay.rateQuoter')];
}
