import 'server-only';
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
  /** Raw SQL on the same connection pool, for libraries that bring their own SQL (the pg-boss job queue). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  migrate(): Promise<void>;
  /**
   * LISTEN on `channel`: each NOTIFY's payload goes to `onPayload`, from any process on the database. `onResume` runs
   * when a lost listening connection is back (PostgreSQL only): notifications sent meanwhile are gone, so re-read.
   * Resolves once listening, to the function that stops it.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
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
    async executeSql(text, values) {
      // A reserved connection: pg-boss sends scripts with BEGIN ... COMMIT, which must stay on one connection.
      const connection = await client.reserve();
      try {
        // node-postgres (which pg-boss expects) sends undefined as null and objects as JSON text; postgres.js does not.
        const params = (values ?? []).map((v) =>
          v === undefined
            ? null
            : v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && !Buffer.isBuffer(v)
              ? JSON.stringify(v)
              : v,
        );
        const result = await connection.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
        const rows = result.length && Array.isArray(result[0]) ? (result as unknown as unknown[][]).flat() : [...result];
        return { rows };
      } finally {
        connection.release();
      }
    },
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
    async listen(channel, onPayload, onResume) {
      // postgres.js keeps one dedicated connection for all LISTENs, reconnects it, and calls the third argument after
      // each (re)connection: every call but the first is a resumption.
      let connected = false;
      const request = await client.listen(channel, onPayload, () => {
        if (connected) onResume?.();
        connected = true;
      });
      return () => request.unlisten();
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
    async executeSql(text, values) {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      return { rows: (await client.exec(text)).flatMap((r) => r.rows) };
    },
    migrate: () => migratePglite(db, { migrationsFolder }),
    // In process: PGlite hands over each NOTIFY when the statement (or the transaction) that sent it commits.
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
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
  return databaseHandle().then((h) => h.db);
}

export function databaseHandle(): Promise<DatabaseHandle> {
  holder[KEY] ??= (async () => {
    const { databaseUrl, dataDir } = config();
    const handle = databaseUrl ? openPostgres(databaseUrl) : openPglite(path.join(dataDir, 'pglite'));
    await handle.migrate();
    return handle;
  })();
  return holder[KEY];
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
