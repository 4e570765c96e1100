import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { config } from '@/lib/config/config';
import * as schema from './schema';

/** The one database type domain code sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or an open transaction: domain functions that must join a caller's transaction take this. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any fixed 64-bit number: serialises migrations when several app and worker processes start together.
const MIGRATION_LOCK = 7_240_311_905;

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    driver: 'postgres',
    async migrate() {
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await lockClient.end();
      }
    },
    close: () => client.end(),
  };
}

/** Embedded PostgreSQL. `dataDir` undefined means in memory (tests). One process per folder: PGlite has no lock. */
export function openPglite(dataDir?: string): DatabaseHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

// On globalThis, not in module scope: Next bundles instrumentation and route handlers separately, and two PGlite
// instances on one folder would corrupt it.
const KEY = Symbol.for('kpay.database');
type Holder = { [KEY]?: Promise<DatabaseHandle> };
const holder = globalThis as Holder;

/** The process's database, opened from configuration and migrated on first use. */
export function database(): Promise<Database> {
  holder[KEY] ??= (async () => {
    const { databaseUrl, dataDir } = config();
    const handle = databaseUrl ? openPostgres(databaseUrl) : openPglite(path.join(dataDir, 'pglite'));
    await handle.migrate();
    return handle;
  })();
  return holder[KEY].then((h) => h.db);
}

/** Tests install their own freshly migrated database before any domain code runs. */
export function installDatabase(handle: DatabaseHandle): void {
  holder[KEY] = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder[KEY];
  holder[KEY] = undefined;
  if (pending) await (await pending).close();
}

/** `execute()` answers `{ rows }` on PGlite and an array on postgres.js; callers get rows either way. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
