import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databaseHandle, type DatabaseHandle, installDatabase, openPostgres } from '@/db/client';
import { limitAuthRequest, loginSucceeded, takeLoginAttempt } from '@/lib/api/rate-limits';
import { uniqueMobile } from '../fixtures';
import { setupTestDatabase } from '../test-database';

const testDatabase = setupTestDatabase();

const uniqueIp = () => `198.51.${randomInt(256)}.${randomInt(256)}`;
const refusal = (attempt: Promise<void>) => attempt.then(() => null, (e: { code?: string }) => e.code ?? String(e));
const storedKeys = async () =>
  ((await (await databaseHandle()).executeSql('select key from rate_limits')).rows as { key: string }[]).map((r) => r.key);

describe('where rate limits count', () => {
  it('counts in the rate_limits table on PostgreSQL, in memory on embedded PGlite', async () => {
    const ip = uniqueIp();
    await limitAuthRequest(ip);
    const keys = await storedKeys();
    if (testDatabase.driver() === 'postgres') expect(keys).toContain(`auth-ip:${ip}`);
    else expect(keys).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  /** Runs `fn` with the limiters a second app process would have: its own pool, its own limiter set. */
  async function asSecondInstance<T>(fn: () => Promise<T>): Promise<T> {
    const first = await databaseHandle();
    const second: DatabaseHandle = openPostgres(testDatabase.url()!, { max: 2 });
    installDatabase(second);
    try {
      return await fn();
    } finally {
      installDatabase(first);
      await second.close();
    }
  }

  it('share one count: 30 auth requests per address over both, the 31st refused on either', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++) await limitAuthRequest(ip);
    const second = await asSecondInstance(async () => {
      for (let i = 0; i < 10; i++) await limitAuthRequest(ip);
      return refusal(limitAuthRequest(ip));
    });
    expect(second).toBe('rate_limited');
    expect(await refusal(limitAuthRequest(ip))).toBe('rate_limited');
    expect(await refusal(limitAuthRequest(uniqueIp()))).toBeNull();
  });

  it('share login failures: points taken on one instance and given back on the other', async () => {
    const mobile = uniqueMobile();
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) await takeLoginAttempt(mobile, ip);
    await asSecondInstance(async () => {
      await takeLoginAttempt(mobile, ip); // the 5th failure from this network, counted with the first four
      expect(await refusal(takeLoginAttempt(mobile, ip))).toBe('rate_limited');
    });
    expect(await refusal(takeLoginAttempt(mobile, ip))).toBe('rate_limited');
    // The right password on the second instance clears this network's count for the first one too.
    await asSecondInstance(() => loginSucceeded(mobile, ip));
    expect(await refusal(takeLoginAttempt(mobile, ip))).toBeNull();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('with PostgreSQL failing', () => {
  it('counts in this process meanwhile (the insurance limiter): no 500, and the limit still refuses', async () => {
    const running = await databaseHandle();
    // The running handle with every query failing as a lost connection does: what the limiters see in an outage.
    const failing: DatabaseHandle = { ...running, executeSql: () => Promise.reject(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' })) };
    installDatabase(failing);
    try {
      const ip = uniqueIp();
      for (let i = 0; i < 30; i++) expect(await refusal(limitAuthRequest(ip))).toBeNull();
      expect(await refusal(limitAuthRequest(ip))).toBe('rate_limited');
    } finally {
      installDatabase(running);
    }
  });
});
