import type { EntityManager } from '@mikro-orm/postgresql';
import { decide } from '../domain/checkout.js';
import { applyCheckout, toCheckout } from '../store/checkout.entity.js';
import { CheckoutRepository } from '../store/checkout.repository.js';
import { recordAddressHold } from './checkout-changes.js';
import { inTransaction } from '../../../platform/database.js';

/** Checkouts abandoned per transaction: short transactions, few locks held at once. */
const BATCH = 100;

/**
 * Checkouts untouched for `ttlMs` (15 min) become ABANDONED; each releases the saved address it
 * held (CheckoutAddressReleased). Batches repeat until none is due; replicas may sweep at once.
 */
export async function abandonExpiredCheckouts(em: EntityManager, options: { eventNamespace: string; ttlMs: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const { claimed, abandoned } = await inTransaction(em.fork(), async (tx) => {
      const due = await new CheckoutRepository(tx).claimExpired(options.ttlMs, BATCH);
      let count = 0;
      for (const record of due) {
        // due by the database clock (the claim); the decider gets a time past the deadline
        const decision = decide(toCheckout(record), { type: 'Abandon' }, new Date(Math.max(Date.now(), record.updatedAt.getTime() + options.ttlMs)), options.ttlMs);
        if (!decision.ok) continue;
        applyCheckout(record, decision.checkout);
        recordAddressHold(tx, options.eventNamespace, record, decision);
        count++;
      }
      return { claimed: due.length, abandoned: count };
    });
    total += abandoned;
    if (claimed < BATCH) return total;
  }
}
