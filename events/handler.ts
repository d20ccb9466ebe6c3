import type { EntityManager } from '@mikro-orm/postgresql';
import type { Envelope, EventDefinition, PayloadOf } from './contract.js';
import type { SqlStatement } from '../platform/combined-statement.js';
import { executeAndCommit, executeDeferred } from '../platform/postgres-driver.js';
import type { Logger } from '../platform/logger.js';

/**
 * What a context declares about an integration event it reacts to. Kept apart from the consume
 * loop (consumer.ts) so the inbox and delivery code can name a handler without importing the loop.
 */

export interface HandlerContext {
  /** A fork inside the handler's transaction: inbox row, state changes and outbox rows commit together. */
  em: EntityManager;
  log: Logger;
  deliveryCount: number;
  /**
   * Runs `task` once the handler's transaction has committed (never after a rollback): for
   * in-process signals about what was just written, such as waking a worker that sends it. A
   * dead-letter replay (inside its caller's transaction) drops them, so a task may only hasten
   * what happens anyway.
   */
  afterCommit(task: () => void): void;
  /**
   * Only for a handler declared with `inboxInWrite`, delivered alone: the message's inbox row as a
   * part for the handler's own one write statement, so it costs no statement of its own. `take()`
   * hands it over once; if the handler writes nothing, the kit inserts it before the commit.
   * Absent when the kit has already written the row (batches without `handleMany`, dead-letter
   * replays).
   */
  inbox?: { take(): SqlStatement };
}

export interface HandlerOptions<P = unknown> {
  /** Unique within the context; names the durable consumer and the inbox rows. */
  name: string;
  /**
   * Which deliveries concern this handler, judged from the payload alone (say, one status of
   * OrderStatusChanged). The others are acknowledged without a transaction or an inbox row —
   * ignoring a message twice is ignoring it once — so a selective subscriber costs the database
   * nothing for the events it does not act on.
   */
  relevant?: (payload: P) => boolean;
  maxDeliver?: number;
  /**
   * Up to this many deliveries that are already waiting are handled in ONE transaction (one
   * inbox insert, one commit) instead of one each; 1, the default, handles every delivery alone.
   * For handlers that keep a projection and take no lock a concurrent batch could take in the
   * other order: a batch holds its locks until it commits. A batch that fails is rolled back and
   * its messages are handled one by one, so only the failing one is retried or dead-lettered.
   */
  batchSize?: number;
  /**
   * For a batching handler: how long a delivery that finds a slot free waits for others to join
   * its batch before it starts. 0, the default, starts it at once, alone, and only what arrives
   * meanwhile batches. Each batch costs one transaction however many it holds, so a projection
   * that no request waits on trades this much staleness for a transaction per a few events.
   */
  lingerMs?: number;
  /**
   * The inbox row goes in the handler's own write (HandlerContext.inbox) instead of a statement of
   * its own before the handler runs. A message already handled is then found only when that write
   * violates the inbox's key, which rolls the whole transaction back: the handler has done its
   * reads (and decided) for nothing. So only for a handler that calls nothing outside the database
   * — a duplicate must be able to run it again to no effect — and writes in one statement. With
   * `batchSize` > 1 and a handler for many, a batch's rows go the same way (BatchContext.inbox).
   */
  inboxInWrite?: boolean;
  /**
   * Deliveries with the same key are handled one after the other (an order's requests): the kit
   * takes the transaction's advisory lock on it in the statement that writes the inbox row, and a
   * repository asking for the same lock with `lockForTransaction` (platform/advisory-locks.ts) in
   * that transaction spends no statement on it. For handlers that handle each delivery alone with
   * the inbox row first (not `batchSize` > 1, not `inboxInWrite`).
   */
  lockKey?: (payload: P) => string;
  /**
   * Handlers of this context whose work this one took over (merged into it): their durable
   * consumers are replaced by this handler's, which starts where the slowest of them had got to
   * (not at the stream's beginning), and are deleted once no replica pulls from them any more;
   * their dead letters replay through this handler. Events between the slowest and the fastest
   * of them reach this handler again, under its own inbox name: the handler must absorb a
   * duplicate of what they did by its own key (e-mails: one per event, kind and recipient).
   */
  replaces?: string[];
  /** Delays between attempts; the last repeats. */
  backoffMs?: number[];
  concurrency?: number;
  ackWaitMs?: number;
}

export interface EventHandler {
  definition: EventDefinition;
  options: Required<Omit<HandlerOptions, 'relevant' | 'lockKey' | 'replaces'>> & Pick<HandlerOptions, 'relevant' | 'lockKey'> & { replaces: readonly string[] };
  handle(event: Envelope, ctx: HandlerContext): Promise<void>;
  /** Set by `project`: the handler's whole effect as one statement (see there). */
  statement?: (event: Envelope, schema: string) => SqlStatement;
  /** When given (`handle`'s or `project`'s last argument): a batch's new events handled at once, in delivery order. */
  handleMany?(events: readonly Envelope[], ctx: BatchContext): Promise<void>;
}

/**
 * What a handler for several events gets: as HandlerContext, for the batch as a whole. For an
 * `inboxInWrite` handler, `inbox` holds the batch's inbox rows (one multi-row insert) for its one
 * committing write, as HandlerContext.inbox does for a delivery alone.
 */
export type BatchContext = Pick<HandlerContext, 'em' | 'log' | 'afterCommit' | 'inbox'>;


/**
 * For a projection kept from a busy stream: the deliveries that pile up while the handler works
 * commit together (see `batchSize`). One batch at a time (`concurrency: 1`), so two batches never
 * lock the same rows in opposite orders.
 */
export const PROJECTION_BATCH = { batchSize: 50, concurrency: 1 } as const;

/**
 * For a projection that no request waits on (read when someone asks, never awaited): its
 * deliveries linger a quarter of a second to share a transaction. A projection that a request
 * waits for (orders' checkouts), or that another handler looks up soon after (notifications'
 * order summaries, which the confirmation e-mail needs), stays on PROJECTION_BATCH: there the
 * delay would be the waiter's.
 */
export const BACKGROUND_PROJECTION_BATCH = { ...PROJECTION_BATCH, lingerMs: 250 } as const;

export const HANDLER_DEFAULTS = {
  maxDeliver: 5,
  batchSize: 1,
  lingerMs: 0,
  backoffMs: [1_000, 5_000, 30_000, 120_000],
  concurrency: 8,
  ackWaitMs: 30_000,
} as const;

/**
 * Declares how a context reacts to an integration event. The kit validates the message, gives
 * `impl` a typed payload, a child logger and an EntityManager inside the handler's transaction,
 * and guarantees `impl` commits at most once per message.
 */
export function handle<D extends EventDefinition>(
  definition: D,
  options: HandlerOptions<PayloadOf<D>>,
  impl: (event: Envelope<PayloadOf<D>>, ctx: HandlerContext) => Promise<void>,
  /**
   * For a batching handler (`batchSize` > 1): the batch's new events — in delivery order — at once,
   * with the same effect as `impl` for each in turn, in fewer statements (one multi-row upsert
   * instead of one each, say). Delivered alone, or replayed, an event still goes to `impl`.
   */
  implForMany?: (events: readonly Envelope<PayloadOf<D>>[], ctx: BatchContext) => Promise<void>,
): EventHandler {
  return {
    definition,
    options: resolveOptions(definition, options),
    handle: impl as EventHandler['handle'],
    ...(implForMany ? { handleMany: implForMany as EventHandler['handleMany'] & {} } : {}),
  };
}

/**
 * Declares a handler whose whole effect is ONE statement (typically a projection's upsert, in the
 * context's `schema`). A delivery handled alone then costs one statement, not a transaction of
 * three: the kit sends the inbox insert and this statement together (inbox.ts, handleOnce), and a
 * message the inbox already holds makes the pair fail as one, writing nothing. In a batch or a
 * dead-letter replay the statement runs in the kit's transaction like any handler's work.
 */
export function project<D extends EventDefinition>(
  definition: D,
  options: HandlerOptions<PayloadOf<D>>,
  statement: (event: Envelope<PayloadOf<D>>, schema: string) => SqlStatement,
  /**
   * For a batching projection (`batchSize` > 1): the effect of several events — the batch's new
   * ones, in delivery order — as ONE statement, with the same result as `statement` run for each
   * in turn (a multi-row upsert, say). A batch then costs the inbox insert and this, not a
   * statement per event. Not for statements with `failsWhenNoRow`; `committed` gets every row it
   * returned, once the batch has committed.
   */
  statementForMany?: (events: readonly Envelope<PayloadOf<D>>[], schema: string) => SqlStatement,
): EventHandler {
  // one statement, no transaction of its own: nowhere to hold an order's lock
  if (options.lockKey) throw new Error(`Invalid handler "${options.name}" for ${definition.type}: a one-statement projection cannot take a lockKey`);
  const build = statement as EventHandler['statement'] & {};
  const buildMany = statementForMany as ((events: readonly Envelope[], schema: string) => SqlStatement) | undefined;
  return {
    definition,
    options: resolveOptions(definition, options),
    statement: build,
    ...(buildMany
      ? {
          // The batch's last write: its shape depends on the batch, so it is never prepared
          // (oneOff). When its rows are wanted (`committed`) it goes with the COMMIT, not before it.
          handleMany: async (events: readonly Envelope[], { em, afterCommit }: BatchContext) => {
            const { sql, params, failsWhenNoRow, committed } = buildMany(events, em.config.get('schema'));
            if (failsWhenNoRow !== undefined) throw new Error(`${options.name}: a statement for many events cannot fail when it changes no row`);
            if (!committed) return executeDeferred(em, sql, params, { oneOff: true });
            const rows = await executeAndCommit<Record<string, unknown>>(em, sql, params, { oneOff: true });
            afterCommit(() => committed(rows, em));
          },
        }
      : {}),
    // In a batch (the kit's transaction): a statement whose answer nobody reads travels with the
    // transaction's next message — the next event's, or the COMMIT — not in one of its own. If it
    // fails, the message fails, the batch rolls back and its events are handled one by one. (In a
    // replay's savepoint it runs at once: executeDeferred never defers inside one.)
    handle: async (event, { em, afterCommit }) => {
      const { sql, params, failsWhenNoRow, committed } = build(event, em.config.get('schema'));
      if (failsWhenNoRow === undefined && !committed) return executeDeferred(em, sql, params);
      const { affectedRows, rows } = await em.execute<{ affectedRows: number; rows: Record<string, unknown>[] }>(sql, [...params], 'run');
      if (failsWhenNoRow !== undefined && affectedRows === 0) throw new Error(failsWhenNoRow);
      if (committed) afterCommit(() => committed(rows, em));
    },
  };
}

function resolveOptions<D extends EventDefinition>(definition: D, options: HandlerOptions<PayloadOf<D>>): EventHandler['options'] {
  const resolved: EventHandler['options'] = {
    name: options.name,
    ...(options.relevant ? { relevant: options.relevant as (payload: unknown) => boolean } : {}),
    ...(options.lockKey ? { lockKey: options.lockKey as (payload: unknown) => string } : {}),
    replaces: [...(options.replaces ?? [])],
    maxDeliver: options.maxDeliver ?? HANDLER_DEFAULTS.maxDeliver,
    batchSize: options.batchSize ?? HANDLER_DEFAULTS.batchSize,
    lingerMs: options.lingerMs ?? HANDLER_DEFAULTS.lingerMs,
    inboxInWrite: options.inboxInWrite ?? false,
    backoffMs: [...(options.backoffMs ?? HANDLER_DEFAULTS.backoffMs)],
    concurrency: options.concurrency ?? HANDLER_DEFAULTS.concurrency,
    ackWaitMs: options.ackWaitMs ?? HANDLER_DEFAULTS.ackWaitMs,
  };
  const validName = (name: string) => /^[A-Za-z0-9_-]+$/.test(name);
  const problems = [
    !validName(resolved.name) && 'name must be letters, digits, "-" or "_" (it names a JetStream consumer)',
    !resolved.replaces.every((name) => validName(name) && name !== resolved.name) && 'replaces must name other handlers (letters, digits, "-" or "_")',
    !(Number.isInteger(resolved.maxDeliver) && resolved.maxDeliver >= 1) && 'maxDeliver must be a positive integer',
    !(resolved.backoffMs.length > 0 && resolved.backoffMs.every((d) => Number.isInteger(d) && d > 0)) && 'backoffMs must be positive integers',
    !(Number.isInteger(resolved.concurrency) && resolved.concurrency >= 1) && 'concurrency must be a positive integer',
    !(Number.isInteger(resolved.batchSize) && resolved.batchSize >= 1 && resolved.batchSize <= 500) && 'batchSize must be an integer from 1 to 500',
    !(Number.isInteger(resolved.ackWaitMs) && resolved.ackWaitMs >= 100) && 'ackWaitMs must be an integer ≥ 100',
    !(Number.isInteger(resolved.lingerMs) && resolved.lingerMs >= 0 && resolved.lingerMs <= resolved.ackWaitMs / 2) && 'lingerMs must be an integer from 0 to half the ack wait',
    resolved.lingerMs > 0 && resolved.batchSize === 1 && 'lingerMs is for batching handlers (batchSize > 1)',
    resolved.lockKey && (resolved.batchSize > 1 || resolved.inboxInWrite) && 'lockKey is for handlers that handle each delivery alone with the inbox row first (no batchSize, no inboxInWrite)',
  ].filter(Boolean);
  if (problems.length) throw new Error(`Invalid handler "${options.name}" for ${definition.type}: ${problems.join('; ')}`);
  return resolved;
}
