import type { EntityManager } from '@mikro-orm/postgresql';
import { decide } from '../domain/cart.js';
import { toCart } from '../store/cart.entity.js';
import { CartRepository, type CartWrite } from '../store/cart.repository.js';
import { applyDecision } from './record-changes.js';
import { inTransaction } from '../../../platform/database.js';

/** Carts abandoned per transaction: short transactions, few locks held at once. */
const BATCH = 100;

/**
 * Guest carts unchanged for `guestTtlMs` (PO: 24 h) become ABANDONED, each with its CartChanged
 * event. Batches repeat until none is due. Replicas may sweep at once: rows one holds are
 * skipped by the others. Returns how many carts were abandoned.
 */
export async function abandonExpiredCarts(em: EntityManager, options: { eventNamespace: string; guestTtlMs: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const abandoned = await inTransaction(em.fork(), async (tx) => {
      const carts = new CartRepository(tx);
      const due = await carts.claimExpiredGuestCarts(options.guestTtlMs, BATCH);
      const writes: CartWrite[] = [];
      for (const record of due) {
        const decision = decide(toCart(record), { type: 'Abandon' });
        // only ACTIVE guest carts are claimed; anything else is left alone
        const write = decision.ok ? applyDecision(options.eventNamespace, record, decision) : null;
        if (write) writes.push(write);
      }
      await carts.write(writes);
      return due.length;
    });
    total += abandoned;
    if (abandoned < BATCH) return total;
  }
}
