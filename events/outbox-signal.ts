import type { EntityManager, EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/postgresql';
import type { Broker } from './nats.js';
import { OutboxMessage } from './store.js';
import type { Orm } from '../platform/database.js';

/**
 * How a commit that wrote outbox rows wakes the context's relay: a bodiless message on a core
 * NATS subject (no stream keeps it), rung after the commit by whichever replica committed, heard
 * by the relay that holds the lock, wherever it runs. It replaced PostgreSQL NOTIFY, which woke
 * every LISTENing connection of the database on every outbox commit, whatever its channel
 * (docs/performance.md). A lost ring costs at most the relay's poll interval.
 */
export function outboxSignalSubject(namespace: string, context: string): string {
  return `_OUTBOX.${namespace}.${context}`;
}

type KnexTransaction = { parentTransaction?: KnexTransaction };

/** Each ORM's ring, by its event manager (which every fork of its EntityManager shares). */
const rings = new WeakMap<object, () => void>();

/** The transactions (outermost) that wrote outbox rows and have not committed yet. */
const wroteOutbox = new WeakSet<object>();

const outermost = (trx: KnexTransaction): KnexTransaction => (trx.parentTransaction ? outermost(trx.parentTransaction) : trx);

/**
 * For writers that insert outbox rows with SQL of their own (`outboxInsert`): their transaction's
 * commit rings the relay. Outbox rows are only ever written inside a transaction.
 */
export function noteOutboxWrite(em: EntityManager): void {
  const trx = em.getTransactionContext<KnexTransaction>();
  if (!trx) throw new Error('Outbox rows are written inside a transaction (em.transactional)');
  wroteOutbox.add(outermost(trx));
}

/**
 * For a writer whose outbox rows go in ONE statement sent outside any transaction (autocommit,
 * see outboxInsertIf): the statement committed when it returned, so the relay is rung now.
 */
export function ringAfterAutocommit(em: EntityManager): void {
  rings.get(em.getEventManager())?.();
}

/** Flushes that insert OutboxMessage entities mark their transaction; its commit rings. */
class OutboxCommits implements EventSubscriber {
  /** Flushes outside a transaction run in one of their own, which starts after onFlush. */
  private readonly implicit = new WeakSet<object>();

  constructor(private readonly ring: () => void) {}

  onFlush({ em, uow }: FlushEventArgs): void {
    if (!uow.getChangeSets().some((change) => change.meta.className === OutboxMessage.meta.className)) return;
    const trx = em.getTransactionContext<KnexTransaction>();
    if (trx) wroteOutbox.add(outermost(trx));
    else this.implicit.add(uow);
  }

  afterTransactionCommit({ transaction, uow }: TransactionEventArgs): void {
    const wrote = (transaction && wroteOutbox.delete(transaction)) || (uow && this.implicit.delete(uow));
    if (wrote) this.ring();
  }
}

/** Every commit of this ORM that wrote outbox rows rings the context's relay. Call once, at boot. */
export function ringRelayOnOutboxCommits(orm: Orm, broker: Broker, context: string): void {
  const subject = outboxSignalSubject(broker.namespace, context);
  const ring = () => {
    // Fire and forget: the relay's poll covers a lost ring. Never throw here: the transaction has
    // committed, and an error after commit (a draining connection refuses publishes) would
    // report a saved change as failed.
    try {
      if (!broker.isClosed()) broker.nc.publish(subject);
    } catch {
      // the relay's poll will find the rows
    }
  };
  orm.em.getEventManager().registerSubscriber(new OutboxCommits(ring));
  rings.set(orm.em.getEventManager(), ring);
}
