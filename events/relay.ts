import pg from 'pg';
import { streamFor } from './contract.js';
import type { Broker } from './nats.js';
import { outboxSignalSubject, type LocalRelay } from './outbox-signal.js';
import { markAndReadPending, publishRows, recordPublishFailure, type PendingRow, type StoredRow } from './relay-batch.js';
import { ensureStream } from './streams.js';
import { reconcileOutboxWithStream } from './stream-reconcile.js';
import { Wakeup, backoffDelay } from './wakeup.js';
import type { Logger } from '../platform/logger.js';

export interface OutboxRelay extends LocalRelay {
  /** Publishes everything pending now (tests, shutdown); resolves when the outbox is empty. */
  drain(): Promise<void>;
  stop(): Promise<void>;
  stats(): OutboxRelayStats;
  /** True while this relay holds the context's relay lock (the others are standbys). */
  isActive(): boolean;
}

export interface OutboxRelayStats {
  published: number;
  /** Re-published rows JetStream had already stored (dropped inside the duplicate window). */
  duplicates: number;
  errors: number;
  /** Published rows sent again because the stream had lost them (broker data loss). */
  redriven: number;
}

export interface OutboxRelayOptions {
  context: string;
  databaseUrl: string;
  broker: Broker;
  log: Logger;
  /** Fallback poll when no ring arrives (outbox-signal.ts: a lost ring, rows inserted by hand). */
  pollIntervalMs?: number;
  /** How often a standby asks for the lock; bounds the take-over time after the holder dies. */
  lockRetryMs?: number;
  batchSize?: number;
  publishTimeoutMs?: number;
}

type Drained = { resolve: () => void; reject: (err: Error) => void };

/**
 * The outbox relay of one context. Every replica starts one; a session-level advisory lock on
 * a dedicated connection makes exactly one of them active, so one process publishes: what it
 * reads in `seq` order, what its own process's commits hand it in commit order.
 * When the active one dies its connection closes, PostgreSQL releases the lock and a standby
 * takes over within `lockRetryMs`. The active relay is handed the rows its own process commits
 * (outbox-signal.ts) and publishes them without reading them; a commit elsewhere rings its NATS
 * subject and it reads; it also polls, and it reconnects after PostgreSQL restarts.
 *
 * Marks cost no statement of their own: the rows published are marked by the relay's next read
 * (relay-batch.ts) — at least once a poll interval, on a ring, a drain, after a full batch, or
 * when a batch's worth awaits its mark. Until then they look pending to anyone reading the table,
 * and a relay that dies meanwhile leaves them to be re-published and dropped as duplicates, as a
 * death between publish and mark always did. `drain()` and `stop()` mark at once.
 *
 * A broker may come back with less than it acknowledged (store lost or not yet synced, stream
 * re-created). Whenever the relay becomes active, after every reconnect to NATS and whenever a
 * publish lands at a sequence already recorded, it reconciles the outbox with the stream
 * (stream-reconcile.ts) and re-sends what the stream lost before anything newer.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { context, databaseUrl, broker, log } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const lockRetryMs = options.lockRetryMs ?? 2_000;
  const batchSize = options.batchSize ?? 100;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
  const stream = streamFor(broker.namespace, context).name;
  const lockKey = `outbox-relay:${context}`;

  const counters: OutboxRelayStats = { published: 0, duplicates: 0, errors: 0, redriven: 0 };
  const wakeup = new Wakeup();
  let drains: Drained[] = [];
  let stopped = false;
  let active = false;
  /** Set on activation and by every NATS reconnect: the stream may have lost what it acknowledged. */
  let checkStream = true;
  // The client's status feed is a QueuedIterator (it has stop()), typed only as AsyncIterable.
  const reconnects = broker.nc.status() as AsyncIterable<{ type: string }> & { stop?: () => void };
  /**
   * Committed rows this process handed over (outbox-signal.ts), to publish without reading them.
   * Only while active; rows handed before a read was sent are in what that read finds, and go.
   */
  let handed: PendingRow[] = [];
  /** A ring came (a commit in another process, or one whose rows were not handed over): read. */
  let readAsked = false;
  // a standby ignores rings: it only takes the lock over
  const rings = broker.nc.subscribe(outboxSignalSubject(broker.namespace, context), {
    callback: () => {
      if (!active) return;
      readAsked = true;
      wakeup.notify();
    },
  });
  void (async () => {
    for await (const status of reconnects) {
      if (status.type === 'reconnect') {
        checkStream = true;
        wakeup.notify();
      }
    }
  })();

  /** Drain requests made before this point are answered by the next check of the outbox. */
  const takeDrains = () => {
    const taken = drains;
    drains = [];
    return taken;
  };
  /** A drain taken for a check that failed (the connection died under it) waits for the next one. */
  async function keepDrainsOnError<T>(taken: Drained[], check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (err) {
      drains.push(...taken);
      throw err;
    }
  }
  const settle = (taken: Drained[], empty: boolean) => {
    if (empty) taken.forEach((d) => d.resolve());
    else drains.push(...taken);
  };

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      const session = new RelaySession(databaseUrl, context, lockKey, wakeup);
      try {
        await session.connect();
        if (!(await waitForLeadership(session))) continue;
        active = true;
        log.info({ context }, 'outbox relay active');
        failures = 0;
        await relayWhileActive(session);
      } catch (err) {
        counters.errors++;
        failures++;
        log.error({ err, context }, 'outbox relay connection failed; reconnecting');
      } finally {
        if (active) log.info({ context }, 'outbox relay no longer active');
        active = false;
        await session.close();
      }
      if (!stopped && failures) await wakeup.wait(backoffDelay(failures, 250, 5_000));
    }
  }

  /** Standby: retries the lock; answers drain requests by checking the outbox itself. */
  async function waitForLeadership(session: RelaySession): Promise<boolean> {
    let announced = false;
    while (!stopped) {
      session.throwIfBroken();
      const taken = takeDrains();
      const locked = await keepDrainsOnError(taken, () => session.tryLock());
      if (locked) {
        drains.push(...taken); // the active loop answers them
        return true;
      }
      if (!announced) log.info({ context }, 'outbox relay on standby (another replica holds the lock)');
      announced = true;
      if (taken.length) settle(taken, !(await keepDrainsOnError(taken, () => session.hasPending())));
      await wakeup.wait(drains.length ? 50 : lockRetryMs);
    }
    return false;
  }

  async function relayWhileActive(session: RelaySession): Promise<void> {
    let publishFailures = 0;
    let recordedStreamSeq: number | undefined;
    /**
     * Rows the stream acknowledged and the outbox does not say so yet: their mark travels with the
     * next read (one statement per batch instead of a read and a mark). It waits at most until the
     * next commit rings, a drain asks, the poll comes round or the relay stops.
     */
    let unmarked: StoredRow[] = [];
    const mark = async () => {
      if (!unmarked.length) return;
      await markAndReadPending(session.client, { schema: context, batchSize, marked: unmarked, readNext: false });
      unmarked = [];
    };
    /** When the outbox was last read: handed rows are marked by a read at least once a poll interval. */
    let readAt = 0;
    // becoming active, the relay reads everything pending: what was handed before is in it
    handed = [];
    checkStream = true;
    try {
      while (!stopped) {
        session.throwIfBroken();
        if (checkStream) {
          checkStream = false;
          try {
            await mark(); // as if marked at once: the check compares what is recorded with the stream
            const check = await reconcileOutboxWithStream(session.client, { schema: context, context, stream, broker });
            recordedStreamSeq = check.highestStreamSeq;
            if (check.redriven) {
              counters.redriven += check.redriven;
              log.warn({ context, stream, rows: check.redriven, reason: check.reason }, 'the stream lost published events; re-sending them');
            }
          } catch (err) {
            session.throwIfBroken();
            checkStream = true;
            counters.errors++;
            publishFailures++;
            const retryInMs = backoffDelay(publishFailures, 100, 5_000);
            log.warn({ err, context, retryInMs }, 'could not compare the outbox with the stream; retrying');
            await wakeup.wait(retryInMs);
            continue;
          }
        }
        const taken = takeDrains();
        // Rows handed over are published as they are, their marks held for the next read. A read
        // comes when something is known to be pending unread (a ring, a drain, a failed batch or a
        // full one) and at least once a poll interval — not merely because the relay woke with
        // nothing handed: a hand-over taken with an earlier batch still wakes it once.
        const sinceRead = Date.now() - readAt;
        const read = readAsked || taken.length > 0 || unmarked.length >= batchSize || sinceRead >= pollIntervalMs;
        if (!read && !handed.length) {
          await wakeup.wait(pollIntervalMs - sinceRead);
          continue;
        }
        let rows: PendingRow[];
        if (read) {
          readAsked = false;
          handed = []; // committed before this read is sent: the read finds them
          readAt = Date.now();
          rows = await keepDrainsOnError(taken, () => markAndReadPending(session.client, { schema: context, batchSize, marked: unmarked }));
          unmarked = [];
          // a full batch: older rows than any handed over since may be pending still; read them first
          if (rows.length === batchSize) readAsked = true;
          if (!rows.length) {
            // everything is marked and nothing is pending: the outbox is empty
            settle(taken, true);
            if (!handed.length && !readAsked) await wakeup.wait(pollIntervalMs);
            continue;
          }
        } else {
          // a row the last read found can be handed over too (its commit answered after the read began)
          const sent = new Set(unmarked.map((row) => row.id));
          rows = handed.splice(0, batchSize).filter((row) => !sent.has(row.id));
          if (!rows.length) continue;
        }
        const batch = await publishRows(rows, { stream, js: broker.js, publishTimeoutMs, recordedStreamSeq });
        if (recordedStreamSeq !== undefined) recordedStreamSeq = Math.max(recordedStreamSeq, batch.highestStreamSeq);
        counters.published += batch.published;
        counters.duplicates += batch.duplicates;
        if (batch.published || batch.duplicates) {
          log.debug({ context, published: batch.published, duplicates: batch.duplicates }, 'outbox batch published');
        }
        unmarked = [...unmarked, ...batch.stored];
        // the drains are answered by a read that finds nothing left, after this batch is marked
        settle(taken, false);
        if (batch.streamWentBack || batch.failure) {
          // what follows the row that stopped the batch is read again, in order
          handed = [];
          readAsked = true;
        }
        if (batch.streamWentBack) {
          log.warn({ context, stream, outboxId: batch.streamWentBack.id, streamSeq: batch.streamWentBack.streamSeq }, 'the stream went backwards; reconciling before publishing more');
          checkStream = true;
          continue;
        }
        if (batch.failure) {
          counters.errors++;
          publishFailures++;
          await mark();
          await recordPublishFailure(session.client, context, batch.failure);
          const retryInMs = backoffDelay(publishFailures, 100, 5_000);
          log.warn({ err: batch.failure.error, outboxId: batch.failure.id, retryInMs }, 'outbox publish failed; retrying the same row');
          // Nobody answered the subject: the stream is gone (e.g. a broker restarted without its store).
          if ((batch.failure.error as Error | undefined)?.name === 'JetStreamNotEnabled') {
            await ensureStream(broker, context).catch((err: unknown) => log.error({ err, context }, 'could not re-create the stream'));
            checkStream = true; // everything it held is gone: re-send it
          }
          await wakeup.wait(retryInMs);
          continue;
        }
        publishFailures = 0;
        // A full batch read: more rows are likely pending, read them (and mark this one) at once.
        // Rows handed over meanwhile go next. Otherwise rest: a row committed after this batch's read
        // is handed over or rings when it commits (either, coming while the relay works, wakes it at
        // once), and the poll covers a lost ring and marks what was published. A waiting drain does
        // not rest.
        if (!handed.length && !readAsked && !drains.length) await wakeup.wait(pollIntervalMs);
      }
    } finally {
      // Stopping (or the connection broke): what was published is marked if the connection still
      // can; if not, those rows are re-published by the next relay and dropped as duplicates.
      if (unmarked.length && !session.isBroken()) await mark().catch((err: unknown) => log.warn({ err, context }, 'could not mark the last published outbox rows'));
    }
  }

  const running = run();

  return {
    handOver(rows) {
      if (!active || stopped) return false;
      handed.push(...rows);
      wakeup.notify();
      return true;
    },
    drain() {
      if (stopped) return Promise.reject(new Error('outbox relay stopped'));
      const done = new Promise<void>((resolve, reject) => drains.push({ resolve, reject }));
      wakeup.notify();
      return done;
    },
    async stop() {
      if (stopped) return running;
      stopped = true;
      reconnects.stop?.();
      rings.unsubscribe();
      wakeup.notify();
      await running;
      takeDrains().forEach((d) => d.reject(new Error('outbox relay stopped')));
    },
    stats: () => ({ ...counters }),
    isActive: () => active,
  };
}

/**
 * The relay's own connection (not the ORM pool): it holds the session-level advisory lock, which
 * lives exactly as long as the connection.
 */
class RelaySession {
  readonly client: pg.Client;
  private broken: Error | undefined;
  private closing = false;

  constructor(
    databaseUrl: string,
    private readonly schema: string,
    private readonly lockKey: string,
    wakeup: Wakeup,
  ) {
    this.client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: lockKey });
    // An 'error' without a listener would crash the process; a broken session is replaced instead.
    const onBroken = (err: Error) => {
      if (this.closing) return;
      this.broken ??= err;
      wakeup.notify();
    };
    this.client.on('error', onBroken);
    this.client.on('end', () => onBroken(new Error('relay connection ended')));
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  throwIfBroken(): void {
    if (this.broken) throw this.broken;
  }

  isBroken(): boolean {
    return this.broken !== undefined;
  }

  async tryLock(): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [this.lockKey]);
    return rows[0]?.locked === true;
  }

  async hasPending(): Promise<boolean> {
    const { rows } = await this.client.query<{ pending: boolean }>(
      `select exists (select 1 from "${this.schema}".outbox where published_at is null) as pending`,
    );
    return rows[0]?.pending === true;
  }

  /** Ending the session releases the lock, so a standby can take over at once. */
  async close(): Promise<void> {
    this.closing = true;
    // Bounded: a half-open socket must not keep the relay (or shutdown) waiting.
    const ended = this.client.end().catch(() => undefined);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }
}
