import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, type DatabaseHandle, installDatabase } from '@/db/client';
import { type Delivery, type StatusFeed, StatusHub, statusHub } from './status-hub';

/**
 * A database whose only abilities are LISTEN and the hub's own heartbeat (`select pg_notify(channel, payload)`): the
 * test sends the other notifications itself, says when a lost connection is back (`resume`), and can make the
 * listener `deaf`, as a dead LISTEN connection is: nothing reaches it.
 */
function listeningDatabase() {
  const listeners = new Map<string, { onPayload: (payload: string) => void; onResume?: () => void }>();
  const dialect = new PgDialect();
  const control = {
    handle: undefined as unknown as DatabaseHandle,
    deaf: false,
    notify: (payload: string) => control.deaf || listeners.get('kpay_status')?.onPayload(payload),
    resume: () => listeners.get('kpay_status')?.onResume?.(),
  };
  const handle = (control.handle = {
    listen: vi.fn(async (channel: string, onPayload: (payload: string) => void, onResume?: () => void) => {
      listeners.set(channel, { onPayload, onResume });
      return async () => void listeners.delete(channel);
    }),
    db: {
      execute: async (query: SQL) => {
        const [channel, payload] = dialect.sqlToQuery(query).params as [string, string];
        if (channel === 'kpay_status') control.notify(payload);
      },
    },
    close: async () => {},
  } as unknown as DatabaseHandle);
  installDatabase(handle);
  return control;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type CountingFeed = StatusFeed<string> & { value: string; reads: number };

/** A feed whose reads count, and answer the current `value`. */
function countingFeed(clockChangeIn: (state: string) => number | null = () => null): CountingFeed {
  const feed: CountingFeed = {
    value: 'a',
    reads: 0,
    kind: 'transaction',
    read: async () => {
      feed.reads++;
      await new Promise((r) => setTimeout(r, 5));
      return feed.value;
    },
    version: (state) => state,
    isFinal: () => false,
    clockChangeIn,
  };
  return feed;
}

const stateOf = (delivery: Delivery<string> | undefined) => (delivery && 'state' in delivery ? delivery.state : undefined);

afterEach(async () => {
  await closeDatabase();
});

describe('status hub', () => {
  it('listens once per process and reads a followed key once per change, whatever the number of followers', async () => {
    const { handle, notify } = listeningDatabase();
    const hub = await statusHub();
    const feed = countingFeed();
    const seen: Delivery<string>[][] = Array.from({ length: 100 }, () => []);
    const stops = await Promise.all(seen.map((list) => hub.follow(feed, 'K1', (d) => list.push(d))));
    await vi.waitFor(() => expect(seen.every((list) => list.length > 0)).toBe(true));
    expect(handle.listen).toHaveBeenCalledTimes(1);
    // The burst of followers cost a read in flight and one after it, not one each.
    expect(feed.reads).toBeLessThanOrEqual(2);

    const before = feed.reads;
    feed.value = 'b';
    notify('transaction:K1');
    notify('transaction:K1');
    notify('transaction:OTHER');
    await vi.waitFor(() => expect(seen.every((list) => stateOf(list.at(-1)) === 'b')).toBe(true));
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.reads - before).toBeLessThanOrEqual(2);

    for (const stop of stops) stop();
    const after = feed.reads;
    notify('transaction:K1');
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.reads).toBe(after);
  });

  it('reads again when the clock changes the state, without any notification', async () => {
    listeningDatabase();
    const hub = await statusHub();
    // 'a' ends by the clock 20 ms after each read of it (a pending transaction's expiry); 'expired' never does.
    const feed = countingFeed((state) => (state === 'a' ? 20 : null));
    const seen: string[] = [];
    const stop = await hub.follow(feed, 'K2', (d) => 'state' in d && seen.push(d.state));
    await vi.waitFor(() => expect(seen).toContain('a'));
    feed.value = 'expired';
    await vi.waitFor(() => expect(seen).toContain('expired'));
    const reads = feed.reads;
    await new Promise((r) => setTimeout(r, 60));
    expect(feed.reads).toBe(reads);
    stop();
  });

  it('hands a failed read to the followers', async () => {
    listeningDatabase();
    const hub = await statusHub();
    const feed = { ...countingFeed(), read: async () => Promise.reject(new Error('Transaction not found')) };
    const error = await new Promise<unknown>((resolve) => void hub.follow(feed, 'NOPE', (d) => 'error' in d && resolve(d.error)));
    expect(error).toEqual(new Error('Transaction not found'));
  });

  it('reads every followed topic again when listening is back, at most 8 at a time', async () => {
    const { resume } = listeningDatabase();
    const hub = await statusHub();
    let reading = 0;
    let most = 0;
    const feed: StatusFeed<string> = {
      kind: 'transaction',
      read: async (key) => {
        most = Math.max(most, ++reading);
        await sleep(10);
        reading--;
        return key;
      },
      version: (state) => state,
      isFinal: () => false,
      clockChangeIn: () => null,
    };
    const reads = new Map<string, number>();
    const keys = Array.from({ length: 50 }, (_, i) => `K${i}`);
    const stops = await Promise.all(keys.map((key) => hub.follow(feed, key, (d) => 'state' in d && reads.set(key, (reads.get(key) ?? 0) + 1))));
    await vi.waitFor(() => expect(reads.size).toBe(50));
    most = 0;

    resume();
    await vi.waitFor(() => expect([...reads.values()]).toEqual(Array(50).fill(2)));
    // Eight at a time: not all fifty at once, nor one after another.
    expect(most).toBe(8);
    for (const stop of stops) stop();
  });

  it('ends its followers and refuses new ones while its own heartbeat goes unheard, and follows again once heard', async () => {
    const db = listeningDatabase();
    const hub = new StatusHub(db.handle, { heartbeatMs: 20, lostAfterMs: 100 });
    const feed = countingFeed();
    const deliveries: Delivery<string>[] = [];
    await hub.follow(feed, 'K', (d) => deliveries.push(d));
    await vi.waitFor(() => expect(stateOf(deliveries[0])).toBe('a'));
    // Heartbeats heard: the stream stays, however long it is quiet.
    await sleep(300);
    expect(deliveries).toHaveLength(1);

    db.deaf = true;
    await vi.waitFor(() => expect(deliveries).toHaveLength(2));
    expect(deliveries[1]).toEqual({ error: expect.objectContaining({ code: 'not_ready' }) });
    await expect(hub.follow(feed, 'K', () => {})).rejects.toMatchObject({ code: 'not_ready' });

    db.deaf = false;
    const seen: string[] = [];
    const stop = await vi.waitFor(() => hub.follow(feed, 'K', (d) => 'state' in d && seen.push(d.state)));
    await vi.waitFor(() => expect(seen).toEqual(['a']));
    feed.value = 'b';
    db.notify('transaction:K');
    await vi.waitFor(() => expect(seen).toEqual(['a', 'b']));
    // The ended follower hears nothing more of its topic.
    expect(deliveries).toHaveLength(2);
    stop();
  });
});
