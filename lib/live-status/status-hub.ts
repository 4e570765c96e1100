import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, databaseHandle } from '@/db/client';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/observability/logger';

/** The channel db/migrations/0013_step10_status_notify.sql notifies on, with "<kind>:<key>" payloads. */
const CHANNEL = 'kpay_status';
// setTimeout's limit is about 24.8 days; a later expiry is looked at again after this long.
const LONGEST_TIMER_MS = 6 * 60 * 60_000;
// Back after a lost connection, every followed topic needs a read: thousands at once would flood the pool.
const REREAD_CONCURRENCY = 8;
// Listening is back within seconds of a LISTEN that works again (the next heartbeat heard): pages may retry by then.
const RETRY_AFTER_SECONDS = 10;

/**
 * How the hub knows its LISTEN still hears: while anything is followed it notifies itself every `heartbeatMs`, and
 * when none of those came back for `lostAfterMs` it counts listening as lost: postgres.js reconnects a dropped LISTEN
 * by itself, but says nothing while it is down, nor if it never comes back.
 */
export interface ListeningWatch {
  heartbeatMs: number;
  lostAfterMs: number;
}
// Generous: a busy machine (an event loop seconds behind) must not pass for a deaf one and send every page to polling.
const LISTENING_WATCH: ListeningWatch = { heartbeatMs: 5_000, lostAfterMs: 30_000 };

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

const notListening = () =>
  new AppError('not_ready', 'Live status is unavailable at the moment: poll the status instead', undefined, RETRY_AFTER_SECONDS);
const firstOf = <T>(set: Set<T>): T | undefined => set.values().next().value;

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
 * While listening is lost (ListeningWatch), every follower gets not_ready (its stream ends) and so does every new
 * follow: pages poll instead of holding a stream that would never hear of a change.
 */
export class StatusHub {
  private readonly topics = new Map<string, Topic>();
  private listening: Promise<unknown> | null = null;
  /** Topics to read again since the listening connection came back, REREAD_CONCURRENCY at a time. */
  private readonly toReread = new Set<Topic>();
  private rereading = 0;
  /** Named like no topic: the hubs of other processes, which hear it too, ignore it. */
  private readonly heartbeat = `heartbeat:${randomUUID()}`;
  private heartbeatSending = false;
  /** performance.now() when the last heartbeat came back (or the watch started). */
  private heard = 0;
  private lost = false;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly watch: ListeningWatch = LISTENING_WATCH,
  ) {}

  /**
   * Follows `key`: `deliver` gets a fresh read now and after every change until the returned function is called.
   * Resolves once the process is listening, so no change after this call is missed; throws not_ready while listening
   * is lost.
   */
  async follow<T>(feed: StatusFeed<T>, key: string, deliver: (delivery: Delivery<T>) => void): Promise<() => void> {
    await this.listen();
    if (this.lost) throw notListening();
    const name = `${feed.kind}:${key}`;
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { feed: feed as StatusFeed<unknown>, key, followers: new Set(), reading: false, again: false };
      this.topics.set(name, topic);
    }
    const follower = deliver as (delivery: Delivery<unknown>) => void;
    topic.followers.add(follower);
    this.watchListening();
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
          if (payload === this.heartbeat) return this.hear();
          const topic = this.topics.get(payload);
          if (topic) void this.refresh(topic);
        },
        // Back after a lost connection: whatever changed meanwhile was not notified.
        () => {
          this.hear();
          this.rereadAll();
        },
      )
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening;
  }

  private rereadAll(): void {
    for (const topic of this.topics.values()) this.toReread.add(topic);
    const more = Math.min(REREAD_CONCURRENCY - this.rereading, this.toReread.size);
    for (let i = 0; i < more; i++) void this.rereadInTurn();
  }

  /** One of the at most REREAD_CONCURRENCY loops that read the waiting topics one after another. */
  private async rereadInTurn(): Promise<void> {
    this.rereading++;
    try {
      for (let topic = firstOf(this.toReread); topic; topic = firstOf(this.toReread)) {
        this.toReread.delete(topic);
        if (topic.followers.size > 0) await this.refresh(topic);
      }
    } finally {
      this.rereading--;
    }
  }

  /** Starts the heartbeat with the first follower; it stops once nothing is followed and listening is not lost. */
  private watchListening(): void {
    if (this.watchdog) return;
    this.heard = performance.now();
    this.watchdog = setInterval(() => this.checkListening(), this.watch.heartbeatMs);
    this.watchdog.unref();
  }

  private checkListening(): void {
    if (this.topics.size === 0 && !this.lost) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
      return;
    }
    const silentMs = performance.now() - this.heard;
    if (!this.lost && silentMs > this.watch.lostAfterMs) this.loseListening(silentMs);
    // One heartbeat at a time: a database that does not answer does not pile them up.
    if (this.heartbeatSending) return;
    this.heartbeatSending = true;
    void this.handle.db
      .execute(sql`select pg_notify(${CHANNEL}, ${this.heartbeat})`)
      .catch((error: unknown) => logger.debug({ err: error }, 'status heartbeat not sent'))
      .finally(() => (this.heartbeatSending = false));
  }

  private hear(): void {
    this.heard = performance.now();
    if (!this.lost) return;
    this.lost = false;
    logger.info('status notifications heard again: event streams open again');
  }

  /** Ends every follower with not_ready: their streams end, and their pages reconnect to a refusal and poll. */
  private loseListening(silentMs: number): void {
    this.lost = true;
    logger.error({ silentMs: Math.round(silentMs), topics: this.topics.size }, 'status notifications lost: ending the event streams, pages poll');
    const error = notListening();
    const topics = [...this.topics.values()];
    this.topics.clear();
    this.toReread.clear();
    for (const topic of topics) {
      clearTimeout(topic.timer);
      const followers = [...topic.followers];
      topic.followers.clear();
      for (const follower of followers) follower({ error });
    }
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
