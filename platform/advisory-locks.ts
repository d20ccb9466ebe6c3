import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Transaction-scoped advisory locks: `lockForTransaction(em, key)` queues the transaction behind
 * any other holding `key` until it commits or rolls back (an order's requests, handled one after
 * the other, even before the order's rows exist).
 *
 * The messaging kit can take a handler's lock in the statement that writes the delivery's inbox row
 * (HandlerOptions.lockKey); while that transaction runs, asking for the same key on its
 * EntityManager costs no statement. Only the kit records such a lock, and only for its own
 * transaction's duration: an EntityManager may run several transactions, and a lock is released
 * at the end of each.
 */
const heldForDelivery = new WeakMap<EntityManager, string>();

/** SQL taking the transaction's advisory lock on the key bound to `?`. */
export const ADVISORY_LOCK_SQL = 'pg_advisory_xact_lock(hashtextextended(?, 0))';

export async function lockForTransaction(em: EntityManager, key: string): Promise<void> {
  if (heldForDelivery.get(em) === key) return;
  await em.execute(`select ${ADVISORY_LOCK_SQL}`, [key]);
}

/** For the kit: `work` runs in `em`'s transaction, which already holds the lock on `key`. */
export async function whileLockHeld<T>(em: EntityManager, key: string, work: () => Promise<T>): Promise<T> {
  heldForDelivery.set(em, key);
  try {
    return await work();
  } finally {
    heldForDelivery.delete(em);
  }
}
