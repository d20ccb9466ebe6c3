import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from './logger.js';

/**
 * "It exists now" signals between replicas, over PostgreSQL LISTEN/NOTIFY. A handler that creates
 * something a request may be waiting for announces its key inside its transaction (PostgreSQL
 * delivers the notification only on commit, so the waiter then finds the row); every replica's
 * waiters for that key wake at once instead of polling. Under load the polling itself was a
 * large part of the work: hundreds of requests each querying every 100 ms for the same rows.
 *
 * Notifications are a hint, never the only way: a waiter still re-reads on a slow timer, so a
 * notification missed while the listening connection reconnects costs at most that delay.
 */
export interface Arrivals {
  /** Call before looking for `key`, so an announcement that lands while you look is not missed. */
  expect(key: string): Expectation;
}

export interface Expectation {
  /** Resolves when `key` is announced (never rejects). */
  readonly arrived: Promise<void>;
  cancel(): void;
}

/** Announces `key` on `channel` when the caller's transaction commits. */
export async function announceArrival(em: EntityManager, channel: string, key: string): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [channel, key], 'run');
}

const RECONNECT_DELAY_MS = 1_000;

/** One listening connection per process and channel, with in-process waiters by key. */
export class ArrivalListener implements Arrivals {
  private readonly waiting = new Map<string, Set<() => void>>();
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly log: Logger,
  ) {}

  /** Starts listening (and re-listening after connection loss) until stop(). */
  start(): { stop(): Promise<void> } {
    void this.connect();
    return { stop: () => this.stop() };
  }

  expect(key: string): Expectation {
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    const set = this.waiting.get(key) ?? new Set();
    set.add(wake);
    this.waiting.set(key, set);
    return {
      arrived,
      cancel: () => {
        set.delete(wake);
        if (!set.size && this.waiting.get(key) === set) this.waiting.delete(key);
      },
    };
  }

  /** Waiters registered now (a gauge for tests and metrics). */
  get waiters(): number {
    let n = 0;
    for (const set of this.waiting.values()) n += set.size;
    return n;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: `arrivals:${this.channel}` });
    this.client = client;
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn({ err, channel: this.channel }, 'arrival notifications interrupted; reconnecting (waiters fall back to re-reading)');
      this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      const set = this.waiting.get(msg.payload);
      if (!set) return;
      this.waiting.delete(msg.payload);
      for (const wake of set) wake();
    });
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
    } catch (err) {
      lost(err as Error);
    }
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    for (const set of this.waiting.values()) for (const wake of set) wake();
    this.waiting.clear();
    await client?.end().catch(() => undefined);
  }
}

/**
 * Reads with `probe` until it finds something or `waitMs` passed (then null). With `arrival`,
 * between reads it waits for the key's announcement (or `fallbackMs`, in case it was missed);
 * without, it re-reads every `fallbackMs`.
 */
export async function waitFor<T>(
  probe: () => Promise<T | null>,
  waitMs: number,
  options: { arrival?: { arrivals: Arrivals; key: string }; fallbackMs?: number } = {},
): Promise<T | null> {
  const deadline = Date.now() + waitMs;
  const fallbackMs = options.fallbackMs ?? (options.arrival ? 1_000 : 100);
  for (;;) {
    const expected = options.arrival?.arrivals.expect(options.arrival.key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const found = await probe();
      if (found !== null || Date.now() >= deadline) return found;
      const pause = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(fallbackMs, Math.max(0, deadline - Date.now())))));
      await (expected ? Promise.race([expected.arrived, pause]) : pause);
    } finally {
      clearTimeout(timer);
      expected?.cancel();
    }
  }
}
