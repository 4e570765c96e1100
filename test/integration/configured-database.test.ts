import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { closeDatabase, database, resultRows } from '@/db/client';

// The application's own path: configuration decides the driver and the first use migrates.
const adminUrl = process.env.TEST_DATABASE_URL;
const name = `kpay_cfg_${randomBytes(5).toString('hex')}`;

afterAll(async () => {
  await closeDatabase();
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

it('opens and migrates the configured database: PostgreSQL with DATABASE_URL, PGlite in KPAY_DATA_DIR without', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kpay-data-'));
  process.env.KPAY_DATA_DIR = dataDir;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  }
  const db = await database();
  const [row] = resultRows<{ tables: number }>(
    await db.execute(sql`select count(*)::int as tables from information_schema.tables where table_name in ('users', 'shops', 'cards', 'sessions', 'refresh_tokens')`),
  );
  expect(row!.tables).toBe(5);
  expect(existsSync(path.join(dataDir, 'pglite'))).toBe(!adminUrl);
  // Called twice, the same handle: one database per process.
  expect(await database()).toBe(db);
});
