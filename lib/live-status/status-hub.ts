import 'server-only';
import { type DatabaseHandle, databaseHandle } from '@/db/client';

/** The channel db/migrations/0013_step10_status_notify.sql notifies on, with "<kind>:<key>" payloads. */
const CHANNEL = 'kpay_status';
// setTimeout's limit is about 24.8 days; a later expiry is looked at again after this long.
const LONGEST_TIMER_MS = 6 * 60 * 60_000;

/** How one kind of thing a hosted page follows is read and judged (lib/transactions, lib/crypto-payments). */
export interface StatusFeed<T> {
  /** The payload prefix its trigger writes. */
  kind: 'transaction' | 'crypto_payment';
  /** The public read of the thing; throws not_found for a key that names nothing. */
  read(key: string): Promise<T>;
  /** A string that changes exactly when what the buyer sees changes (the event's id). */
  version(state: T): string;
  /** Nothing the buyer waits for comes after this state: the stream ends once it is sent. */
  isFinal(state: T): boolean;
  /** Milliseconds until the state changes by the clock alone (it expires), or null: no write will say so. */
  clockChangeIn(state: T): number | null;
}

export type Delivery<T> = { state: T } | { error: unknown };

interface Topic {
  feed: StatusFeed<unknown>;
  key: string;
  followers: Set<(delivery: Delivery<unknown>) => void>;
  reading: boolean;
  /** A change was notified while a read was on its way: read once more after it. */
  again: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * One LISTEN per process (per database), fanned out in memory. Each followed thing is a topic: a notification, or the
 * clock reaching its expiry, reads it once through its feed, whatever the number of streams following it, and hands
 * the result to every one of them. Reads of one topic never overlap; notifications during a read cost one more read.
 */
class StatusHub {
  private readonly topics = new Map<string, Topic>();
  private listening: Promise<unknown> | null = null;

  constructor(private readonly handle: DatabaseHandle) {}

  /**
   * Follows `key`: `deliver` gets a fresh read now and after every change until the returned function is called.
   * Resolves once the process is listening, so no change after this call is missed.
   */
  async follow<T>(feed: StatusFeed<T>, key: string, deliver: (delivery: Delivery<T>) => void): Promise<() => void> {
    await this.listen();
    const name = `${feed.kind}:${key}`;
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { feed: feed as StatusFeed<unknown>, key, followers: new Set(), reading: false, again: false };
      this.topics.set(name, topic);
    }
    const follower = deliver as (delivery: Delivery<unknown>) => void;
    topic.followers.add(follower);
    void this.refresh(topic);
    const joined = topic;
    return () => {
      joined.followers.delete(follower);
      if (joined.followers.size === 0 && this.topics.get(name) === joined) {
        clearTimeout(joined.timer);
        this.topics.delete(name);
      }
    };
  }

  private listen(): Promise<unknown> {
    this.listening ??= this.handle
      .listen(
        CHANNEL,
        (payload) => {
          const topic = this.topics.get(payload);
          if (topic) void this.refresh(topic);
        },
        // Back after a lost connection: whatever changed meanwhile was not notified.
        () => this.topics.forEach((topic) => void this.refresh(topic)),
      )
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening;
  }

  private async refresh(topic: Topic): Promise<void> {
    if (topic.reading) {
      topic.again = true;
      return;
    }
    topic.reading = true;
    topic.again = false;
    clearTimeout(topic.timer);
    let delivery: Delivery<unknown>;
    try {
      delivery = { state: await topic.feed.read(topic.key) };
    } catch (error) {
      delivery = { error };
    }
    topic.reading = false;
    for (const follower of [...topic.followers]) follower(delivery);
    if (topic.followers.size === 0) return;
    if (topic.again) return void this.refresh(topic);
    const due = 'state' in delivery ? topic.feed.clockChangeIn(delivery.state) : null;
    if (due !== null) topic.timer = setTimeout(() => void this.refresh(topic), Math.min(Math.max(due, 0), LONGEST_TIMER_MS));
  }
}

// On globalThis like the database itself: every route bundle of the process shares the one LISTEN.
const KEY = Symbol.for('kpay.statusHubs');
const holder = globalThis as { [KEY]?: WeakMap<DatabaseHandle, StatusHub> };

/** The process's hub for its database. */
export async function statusHub(): Promise<StatusHub> {
  const handle = await databaseHandle();
  const hubs = (holder[KEY] ??= new WeakMap());
  let hub = hubs.get(handle);
  if (!hub) hubs.set(handle, (hub = new StatusHub(handle)));
  return hub;
}
