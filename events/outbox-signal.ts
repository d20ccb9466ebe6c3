import type { EntityManager, EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/postgresql';
import type { Broker } from './nats.js';
import type { PendingRow } from './relay-batch.js';
import { OutboxMessage, type OutboxRow } from './store.js';
import type { Orm } from '../platform/database.js';

/**
 * How a commit that wrote outbox rows reaches the context's relay. When this process's relay is
 * the active one, the committed rows are handed to it in memory (`LocalRelay.handOver`): it
 * publishes them without reading them back, and marks them with its next read. Otherwise — a
 * standby here, the active relay in another replica — a bodiless message on a core NATS subject
 * (no stream keeps it) rings the relay that holds the lock, wherever it runs, and it reads the
 * rows. The NATS ring replaced PostgreSQL NOTIFY, which woke every LISTENing connection of the
 * database on every outbox commit, whatever its channel (docs/performance.md). A lost ring or
 * hand-over costs at most the relay's poll interval: the rows are in the outbox either way.
 */
export function outboxSignalSubject(namespace: string, context: string): string {
  return `_OUTBOX.${namespace}.${context}`;
}

/** This process's relay, as the commits see it: it takes rows only while it is the active one. */
export interface LocalRelay {
  /** Committed rows to publish; false when this relay is not the active one (ring it instead). */
  handOver(rows: readonly PendingRow[]): boolean;
}

/** knex's transactions and the driver's ConnectionTransaction both name the one they are nested in so. */
type KnexTransaction = { parentTransaction?: KnexTransaction | null };

/** Each ORM's ring, by its event manager (which every fork of its EntityManager shares). */
const rings = new WeakMap<object, (rows: readonly PendingRow[] | null) => void>();

/**
 * The transactions (outermost) that wrote outbox rows and have not committed yet, with the rows
 * they wrote — or null when some were written inside a savepoint, which may yet roll back without
 * the transaction: those rows are only known for certain by reading them, so the commit rings.
 */
const wroteOutbox = new WeakMap<object, PendingRow[] | null>();

const outermost = (trx: KnexTransaction): KnexTransaction => (trx.parentTransaction ? outermost(trx.parentTransaction) : trx);

function noteRows(trx: KnexTransaction, rows: readonly PendingRow[] | null): void {
  const top = outermost(trx);
  const noted = wroteOutbox.has(top) ? wroteOutbox.get(top)! : [];
  wroteOutbox.set(top, noted && rows && trx === top ? [...noted, ...rows] : null);
}

/**
 * For writers that insert outbox rows with SQL of their own (`outboxInsert`): their transaction's
 * commit hands the rows to the relay (or rings it). Outbox rows are only ever written inside a
 * transaction, and only by statements that write every row they name or fail as a whole.
 */
export function noteOutboxWrite(em: EntityManager, rows: readonly PendingRow[]): void {
  const trx = em.getTransactionContext<KnexTransaction>();
  if (!trx) throw new Error('Outbox rows are written inside a transaction (em.transactional)');
  noteRows(trx, rows);
}

/**
 * For a writer whose outbox rows go in ONE statement sent outside any transaction (autocommit,
 * see outboxInsertIf): the statement committed when it returned, with these rows, so they are
 * handed over (or the relay rung) now.
 */
export function ringAfterAutocommit(em: EntityManager, rows: readonly PendingRow[]): void {
  rings.get(em.getEventManager())?.(rows);
}

/** An outbox row as the relay publishes it. */
export const pendingRowOf = (row: { id: string; subject: string; envelope: unknown }, data = JSON.stringify(row.envelope)): PendingRow => ({ id: row.id, subject: row.subject, data });

/** Flushes that insert OutboxMessage entities note their rows for their transaction's commit. */
class OutboxCommits implements EventSubscriber {
  /** Flushes outside a transaction run in one of their own, which starts after onFlush. */
  private readonly implicit = new WeakMap<object, PendingRow[] | null>();

  constructor(private readonly ring: (rows: readonly PendingRow[] | null) => void) {}

  onFlush({ em, uow }: FlushEventArgs): void {
    const changes = uow.getChangeSets().filter((change) => change.meta.className === OutboxMessage.meta.className);
    if (!changes.length) return;
    // anything but new rows (never done today) is left to the relay's read
    const rows = changes.every((change) => change.type === 'create') ? changes.map((change) => pendingRowOf(change.entity as unknown as OutboxRow)) : null;
    const trx = em.getTransactionContext<KnexTransaction>();
    if (trx) noteRows(trx, rows);
    else this.implicit.set(uow, rows);
  }

  afterTransactionCommit({ transaction, uow }: TransactionEventArgs): void {
    if (transaction && wroteOutbox.has(transaction)) {
      const rows = wroteOutbox.get(transaction)!;
      wroteOutbox.delete(transaction);
      this.ring(rows);
    } else if (uow && this.implicit.has(uow)) {
      const rows = this.implicit.get(uow)!;
      this.implicit.delete(uow);
      this.ring(rows);
    }
  }
}

/** Every commit of this ORM that wrote outbox rows reaches the context's relay. Call once, at boot; attach this process's relay once it runs. */
export function ringRelayOnOutboxCommits(orm: Orm, broker: Broker, context: string): { attach(relay: LocalRelay): void } {
  const subject = outboxSignalSubject(broker.namespace, context);
  let local: LocalRelay | undefined;
  const ring = (rows: readonly PendingRow[] | null) => {
    // Fire and forget: the relay's poll covers a lost ring. Never throw here: the transaction has
    // committed, and an error after commit (a draining connection refuses publishes) would
    // report a saved change as failed.
    try {
      if (rows && local?.handOver(rows)) return;
      if (!broker.isClosed()) broker.nc.publish(subject);
    } catch {
      // the relay's poll will find the rows
    }
  };
  orm.em.getEventManager().registerSubscriber(new OutboxCommits(ring));
  rings.set(orm.em.getEventManager(), ring);
  return {
    attach(relay) {
      local = relay;
    },
  };
}
