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
  /**
   * True while no announcement since `expect` can have been missed: the listener was LISTENing
   * then and has been ever since (PostgreSQL delivers every notification committed meanwhile to a
   * session that LISTENs). False from the moment its connection is lost.
   */
  heardEverything(): boolean;
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
  /** Bumped each time a connection starts LISTENing; 0 while none does. */
  private listeningSince = 0;
  private connections = 0;
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
    const since = this.listeningSince;
    return {
      arrived,
      heardEverything: () => since !== 0 && this.listeningSince === since,
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
      this.listeningSince = 0;
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
      if (this.client === client) this.listeningSince = ++this.connections;
    } catch (err) {
      lost(err as Error);
    }
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    this.listeningSince = 0;
    for (const set of this.waiting.values()) for (const wake of set) wake();
    this.waiting.clear();
    await client?.end().catch(() => undefined);
  }
}

/**
 * Reads with `probe` until it finds something or `waitMs` passed (then null). With `arrival`,
 * between reads it waits for the key's announcement (or `fallbackMs`, in case it was missed);
 * without, it re-reads every `fallbackMs`. `everyWriterAnnounces`: nothing makes the row appear
 * without announcing it, so the slow re-read is needed only once the listener may have missed
 * an announcement (its connection was lost) — under load, when the writer's event queues for
 * seconds, the waiter no longer reads again every `fallbackMs` for a row that cannot be there.
 * It still reads once more at the deadline.
 */
export async function waitFor<T>(
  probe: () => Promise<T | null>,
  waitMs: number,
  options: { arrival?: { arrivals: Arrivals; key: string; everyWriterAnnounces?: boolean }; fallbackMs?: number } = {},
): Promise<T | null> {
  const deadline = Date.now() + waitMs;
  const arrival = options.arrival;
  const fallbackMs = options.fallbackMs ?? (arrival ? 1_000 : 100);
  for (;;) {
    const expected = arrival?.arrivals.expect(arrival.key);
    try {
      const found = await probe();
      if (found !== null || Date.now() >= deadline) return found;
      for (;;) {
        const announced = await pause(expected, Math.min(fallbackMs, Math.max(0, deadline - Date.now())));
        if (announced) {
          // The announcing commit may be this process's own, its reply still unread on another
          // connection: one turn of the event loop lets the writer hand its copy on (a probe that
          // recalls it then reads nothing).
          await new Promise((resolve) => setImmediate(resolve));
          break;
        }
        if (Date.now() >= deadline || !expected || !arrival?.everyWriterAnnounces || !expected.heardEverything()) break;
      }
    } finally {
      expected?.cancel();
    }
  }
}

/** Until `expected` is announced (true) or `ms` passed (false). */
async function pause(expected: Expectation | undefined, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const elapsed = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    return await (expected ? Promise.race([expected.arrived.then(() => true), elapsed]) : elapsed);
  } finally {
    clearTimeout(timer);
  }
}
