// The multi-instance servers' shared PostgreSQL database (playwright.config.ts, e2e/multi-instance.spec.ts). Like the
// litecoin node (e2e/chain-nodes.ts) it runs as a webServer of its own, listed before the servers that use it:
//
//   node --import tsx e2e/postgres-database.ts
//
// creates a fresh database `kpay_e2e_<random>` on TEST_DATABASE_URL (an admin URL of a PostgreSQL server, as CI sets)
// and prints one line:
//
//   E2E_POSTGRES=ready KPAY_E2E_DATABASE_URL=postgres://…/kpay_e2e_<random>
//
// which the webServer's `wait.stdout` pattern stores in process.env for the app instances and the worker started after
// it. On SIGTERM (Playwright ends webServers in reverse order, so after those processes) it drops the database.
//
// PostgreSQL is required, like Chromium and litecoind: several instances cannot share the embedded database, and a
// skipped test would prove nothing. .ci/run installs and starts it.

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'e2e/postgres-database.ts: TEST_DATABASE_URL is not set; the multi-instance e2e test needs a PostgreSQL server ' +
        '(an admin URL that may create databases, e.g. postgres://kpay_ci:kpay_ci@127.0.0.1:5432/kpay_ci; .ci/run sets it up).',
    );
    process.exit(1);
  }
  const name = `kpay_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: unknown) => console.error(error));
    await admin.end();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  console.log(`E2E_POSTGRES=ready KPAY_E2E_DATABASE_URL=${url.toString()}`);
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
