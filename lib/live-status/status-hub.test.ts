import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, type DatabaseHandle, installDatabase } from '@/db/client';
import { type Delivery, type StatusFeed, statusHub } from './status-hub';

/** A database whose only ability is LISTEN: the test sends the notifications itself. */
function listeningDatabase() {
  const listeners = new Map<string, (payload: string) => void>();
  const handle = {
    listen: vi.fn(async (channel: string, onPayload: (payload: string) => void) => {
      listeners.set(channel, onPayload);
      return async () => void listeners.delete(channel);
    }),
    close: async () => {},
  } as unknown as DatabaseHandle;
  installDatabase(handle);
  return { handle, notify: (payload: string) => listeners.get('kpay_status')?.(payload) };
}

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
});
