import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, type DatabaseHandle, installDatabase, openPglite, openPostgres } from '@/db/client';

/**
 * Gives the calling test file its own migrated database: a new PostgreSQL database (created and dropped here) when
 * TEST_DATABASE_URL is set, otherwise an in-memory PGlite.
 */
export function setupTestDatabase(): { driver: () => DatabaseHandle['driver']; url: () => string | undefined } {
  let handle: DatabaseHandle | undefined;
  let created: { adminUrl: string; name: string } | undefined;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const name = `kpay_test_${randomBytes(6).toString('hex')}`;
      await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${name}`));
      created = { adminUrl, name };
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      handle = openPostgres(databaseUrl, { max: 20 });
    } else {
      handle = openPglite();
    }
    await handle.migrate();
    installDatabase(handle);
  });

  afterAll(async () => {
    await closeDatabase();
    if (created) {
      const { adminUrl, name } = created;
      await withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
    }
  });

  return { driver: () => handle!.driver, url: () => databaseUrl };
}

async function withAdmin(url: string, fn: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await fn(sql);
  } finally {
    await sql.end();
  }
}
