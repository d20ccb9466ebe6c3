import type { EntityManager } from '@mikro-orm/postgresql';
import type { Envelope } from './contract.js';
import type { EventHandler } from './handler.js';
import type { SqlStatement } from '../platform/combined-statement.js';
import { inTransaction, type Orm } from '../platform/database.js';
import { executeAndCommit, executeDeferred } from '../platform/postgres-driver.js';
import { ADVISORY_LOCK_SQL, whileLockHeld } from '../platform/advisory-locks.js';
import { runPeriodically, type PeriodicJob } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';

export type HandlingOutcome = 'processed' | 'duplicate';

/**
 * Runs a handler at most once per (message id, handler): the inbox row, the handler's state
 * changes and its outbox rows commit in ONE transaction on a fresh fork. If the row already
 * exists the message was handled before (a redelivery, a replay) and nothing the handler did
 * commits: its first statement fails on the row, before it runs. A
 * `project` handler is one statement instead, and an `inboxInWrite` one writes the row itself.
 */
export async function handleOnce(
  orm: Orm,
  handler: EventHandler,
  envelope: Envelope,
  context: { log: Logger; deliveryCount: number },
): Promise<HandlingOutcome> {
  const schema = schemaOf(orm.em as EntityManager);
  if (handler.statement) return handleInOneStatement(orm.em.fork() as EntityManager, schema, handler, envelope, context.log);
  if (handler.options.inboxInWrite) return handleWithInboxInWrite(orm, schema, handler, envelope, context);
  const committed: (() => void)[] = [];
  const lockKey = handler.options.lockKey?.(envelope.payload);
  try {
    await inTransaction(orm.em.fork() as EntityManager, async (em) => {
      const run = () => handler.handle(envelope, { em, log: context.log, deliveryCount: context.deliveryCount, afterCommit: (task) => committed.push(task) });
      // The inbox row (and the handler's lock, in the same statement) go with the handler's first
      // statement, in its message: no round trip of their own. A message already handled violates
      // the inbox's key there, before that statement runs; the transaction rolls back and the
      // answer is "duplicate". The handler's statement is the next one, so it reads after the lock.
      const inbox = `insert into "${schema}".inbox (message_id, handler) values (?, ?)`;
      if (lockKey === undefined) {
        await executeDeferred(em, inbox, [envelope.id, handler.options.name]);
        return run();
      }
      await executeDeferred(em, `with inbox as (${inbox}) select ${ADVISORY_LOCK_SQL}`, [envelope.id, handler.options.name, lockKey]);
      return whileLockHeld(em, lockKey, run);
    });
  } catch (err) {
    if (isInboxKeyViolation(err)) return 'duplicate';
    throw err;
  }
  runAfterCommit(committed, context.log);
  return 'processed';
}

/**
 * An `inboxInWrite` handler's delivery: the handler runs first and writes the inbox row in its own
 * write statement (or the kit inserts it after the handler, when it wrote nothing), without ON
 * CONFLICT, in one transaction. A message already handled violates the inbox's key there; the
 * transaction rolls back with everything the handler did, and the answer is "duplicate".
 */
async function handleWithInboxInWrite(orm: Orm, schema: string, handler: EventHandler, envelope: Envelope, context: { log: Logger; deliveryCount: number }): Promise<HandlingOutcome> {
  const committed: (() => void)[] = [];
  try {
    await inTransaction(orm.em.fork() as EntityManager, async (em) => {
      const inbox = new InboxRows(schema, handler, [envelope]);
      await handler.handle(envelope, { em, log: context.log, deliveryCount: context.deliveryCount, afterCommit: (task) => committed.push(task), inbox });
      await inbox.commitIfLeft(em);
    });
  } catch (err) {
    if (isInboxKeyViolation(err)) return 'duplicate';
    throw err;
  }
  runAfterCommit(committed, context.log);
  return 'processed';
}

/**
 * The inbox rows of an `inboxInWrite` delivery (or batch) as one insert, without ON CONFLICT, for
 * the handler's last write — it commits the transaction as it goes — and handed over once. If the
 * handler wrote nothing, the kit inserts them itself with the COMMIT.
 */
class InboxRows {
  private readonly row: SqlStatement;
  private taken = false;

  constructor(schema: string, handler: EventHandler, envelopes: readonly Envelope[]) {
    this.row = {
      sql: `insert into "${schema}".inbox (message_id, handler) values ${envelopes.map(() => '(?, ?)').join(', ')}`,
      params: envelopes.flatMap((envelope) => [envelope.id, handler.options.name]),
      endsTransaction: true,
    };
  }

  take = (): SqlStatement => {
    if (this.taken) throw new Error(`the inbox rows of ${this.row.params.filter((_, i) => i % 2 === 0).join(', ')} were taken twice`);
    this.taken = true;
    return this.row;
  };

  async commitIfLeft(em: EntityManager): Promise<void> {
    if (!this.taken) await executeAndCommit(em, this.row.sql, this.row.params);
  }
}

/**
 * A `project` handler's delivery as ONE statement outside any transaction: the inbox insert and the
 * handler's statement as two data-modifying parts of one statement, which commit together or not
 * at all. The inbox insert has no ON CONFLICT: a message already handled violates the inbox's key,
 * the whole statement fails and writes nothing — that failure is the "duplicate" answer.
 */
async function handleInOneStatement(em: EntityManager, schema: string, handler: EventHandler, envelope: Envelope, log: Logger): Promise<HandlingOutcome> {
  const work = handler.statement!(envelope, schema);
  // a statement that must change a row fails as a whole when it changes none: the cast of the
  // message to an integer is evaluated only then (a CASE on a subquery is never folded ahead)
  const mustChange = work.failsWhenNoRow !== undefined;
  if (mustChange && work.committed) throw new Error(`${handler.options.name}: a statement that must change a row cannot hand its rows on`);
  const finalSelect = mustChange
    ? `select cast(case when exists (select 1 from work) then '1' else ? end as integer) as done`
    : work.committed
      ? 'select * from work'
      : 'select 1 as done';
  try {
    const rows = await em.execute<Record<string, unknown>[]>(`with inbox as (insert into "${schema}".inbox (message_id, handler) values (?, ?)), work as (${work.sql}) ${finalSelect}`, [
      envelope.id,
      handler.options.name,
      ...work.params,
      ...(mustChange ? [work.failsWhenNoRow] : []),
    ]);
    // one statement outside any transaction: its rows are committed once it answers
    if (work.committed) runAfterCommit([() => work.committed!(rows, em)], log);
    return 'processed';
  } catch (err) {
    if (isInboxKeyViolation(err)) return 'duplicate';
    throw err;
  }
}

/** PostgreSQL's unique_violation on the inbox's primary key (MikroORM keeps the driver's fields). */
function isInboxKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === 'inbox_pkey';
}

function runAfterCommit(tasks: (() => void)[], log: Logger | undefined): void {
  for (const task of tasks) {
    try {
      task();
    } catch (err) {
      log?.error({ err }, 'a task after the handler committed failed');
    }
  }
}

/**
 * handleOnce for several messages in ONE transaction: one multi-row inbox insert tells which are
 * new, then each new one's handler runs in turn on the same transaction, its changes flushed and
 * the identity map cleared before the next (a handler never sees another's cached entities, which
 * raw SQL may have changed underneath). All commit together or none does: the caller handles the
 * messages one by one after a failure. Outcomes are in the order given; the same message twice in
 * one batch is handled once. An `inboxInWrite` handler with `handleMany` writes the batch's inbox
 * rows itself (handleBatchWithInboxInWrite).
 */
export async function handleBatchOnce(
  orm: Orm,
  handler: EventHandler,
  deliveries: readonly { envelope: Envelope; log: Logger; deliveryCount: number }[],
): Promise<HandlingOutcome[]> {
  const schema = schemaOf(orm.em as EntityManager);
  if (handler.options.inboxInWrite && handler.handleMany) return handleBatchWithInboxInWrite(orm, schema, handler, deliveries);
  const committed: (() => void)[] = [];
  const outcomes = await inTransaction(orm.em.fork() as EntityManager, async (em) => {
    const inserted = await em.execute<{ message_id: string }[]>(
      `insert into "${schema}".inbox (message_id, handler) values ${deliveries.map(() => '(?, ?)').join(', ')} on conflict do nothing returning message_id`,
      deliveries.flatMap((d) => [d.envelope.id, handler.options.name]),
    );
    const fresh = new Set(inserted.map((row) => row.message_id));
    if (handler.handleMany) {
      // the batch's new events at once: the effect of each in turn, in delivery order
      const outcomes = deliveries.map(({ envelope }): HandlingOutcome => (fresh.delete(envelope.id) ? 'processed' : 'duplicate'));
      const events = deliveries.filter((_, i) => outcomes[i] === 'processed').map((d) => d.envelope);
      if (events.length) {
        await handler.handleMany(events, { em, log: deliveries[0]!.log, afterCommit: (task) => committed.push(task) });
        await em.flush();
      }
      return outcomes;
    }
    const outcomes: HandlingOutcome[] = [];
    for (const { envelope, log, deliveryCount } of deliveries) {
      if (!fresh.delete(envelope.id)) {
        outcomes.push('duplicate');
        continue;
      }
      await handler.handle(envelope, { em, log, deliveryCount, afterCommit: (task) => committed.push(task) });
      await em.flush();
      em.clear();
      outcomes.push('processed');
    }
    return outcomes;
  });
  runAfterCommit(committed, deliveries[0]?.log);
  return outcomes;
}

/**
 * A batch of an `inboxInWrite` handler with `handleMany`: the batch's inbox rows go in the
 * handler's last write (BatchContext.inbox), which commits the transaction. A message handled
 * before violates the inbox's key there and the whole batch rolls back; the caller then handles
 * its messages one by one, where the copy is told apart. The same message twice in one batch is
 * handled once.
 */
async function handleBatchWithInboxInWrite(
  orm: Orm,
  schema: string,
  handler: EventHandler,
  deliveries: readonly { envelope: Envelope; log: Logger; deliveryCount: number }[],
): Promise<HandlingOutcome[]> {
  const seen = new Set<string>();
  const outcomes = deliveries.map(({ envelope }): HandlingOutcome => {
    if (seen.has(envelope.id)) return 'duplicate';
    seen.add(envelope.id);
    return 'processed';
  });
  const events = deliveries.filter((_, i) => outcomes[i] === 'processed').map((d) => d.envelope);
  const log = deliveries[0]!.log;
  const committed: (() => void)[] = [];
  await inTransaction(orm.em.fork() as EntityManager, async (em) => {
    const inbox = new InboxRows(schema, handler, events);
    await handler.handleMany!(events, { em, log, afterCommit: (task) => committed.push(task), inbox });
    await inbox.commitIfLeft(em);
  });
  runAfterCommit(committed, log);
  return outcomes;
}

/**
 * Deletes inbox rows older than `retentionDays`, in small batches so it never holds long
 * locks. Keep the retention longer than any redelivery can arrive (the stream's retention and
 * the longest consumer back-off): a purged row can no longer stop a duplicate.
 */
export async function purgeInbox(em: EntityManager, retentionDays: number, batchSize = 5_000): Promise<number> {
  const schema = schemaOf(em);
  let total = 0;
  for (;;) {
    const result = await em.execute<{ affectedRows: number }>(
      `delete from "${schema}".inbox where ctid in (
         select ctid from "${schema}".inbox where processed_at < now() - make_interval(days => ?) limit ?)`,
      [retentionDays, batchSize],
      'run',
    );
    total += result.affectedRows;
    if (result.affectedRows < batchSize) return total;
  }
}

/**
 * Purges the inbox at start and then every `intervalMs`; every replica may run it (concurrent
 * deletes of the same rows are harmless). Started for every context by the subgraph runtime.
 */
export function startInboxPurge(options: { orm: Orm; retentionDays: number; intervalMs: number; log: Logger }): PeriodicJob {
  const { orm, retentionDays, intervalMs, log } = options;
  return runPeriodically(
    'inbox purge',
    intervalMs,
    async () => {
      const purged = await purgeInbox(orm.em.fork() as EntityManager, retentionDays);
      if (purged) log.info({ purged, retentionDays }, 'inbox purged');
    },
    log,
    { runAtStart: true },
  );
}

export function schemaOf(em: EntityManager): string {
  const schema = em.config.get('schema');
  if (!schema) throw new Error('The ORM has no schema: messaging tables live in the context schema');
  return schema;
}
