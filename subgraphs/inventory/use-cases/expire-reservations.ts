import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, type Orm } from '../../../platform/database.js';
import { transition } from '../domain/reservation-lifecycle.js';
import { ReservationRepository } from '../store/reservation.repository.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { moveReservedUnits } from './move-reservation.js';
import { announce, answerMeta } from './reservation-announcements.js';
import { StockChanges } from './stock-changes.js';
import type { Cause, InventoryDeps } from './scope.js';

/** The clock caused it: no request to point at. */
const CLOCK: Cause = { causationId: null };

/**
 * Expires RESERVED reservations whose deadline passed (database clock), one per transaction:
 * claim with SKIP LOCKED (replicas share the work, never the same row), put the units back to
 * available, mark EXPIRED, announce it and the stock signals. Returns how many expired; stops
 * after `limit` so one tick stays short.
 */
export async function expireDueReservations(deps: InventoryDeps, orm: Orm, limit = 100): Promise<number> {
  let expired = 0;
  while (expired < limit) {
    const done = await inTransaction(orm.em.fork() as EntityManager, async (em) => {
      const reservation = await new ReservationRepository(em).claimExpired();
      if (!reservation) return false;
      const next = transition(reservation.status, 'EXPIRE');
      // claimExpired returns RESERVED rows only, and those always expire
      if (next.kind !== 'move') throw new Error(`reservation ${reservation.id} in ${reservation.status} cannot expire`);
      const changes = new StockChanges(new StockRepository(em));
      await moveReservedUnits(changes, reservation, next.to, 'reservation not committed in time');
      reservation.status = next.to;
      reservation.updatedAt = new Date();
      await writeInventory(em, {
        stock: changes.rowChanges,
        movements: changes.movements,
        reservation: { record: reservation, isNew: false },
        outbox: [announce(deps.eventNamespace, reservation, 'EXPIRED', CLOCK), ...changes.signals(deps.eventNamespace, answerMeta(reservation, CLOCK))],
      });
      return true;
    });
    if (!done) break;
    expired++;
  }
  return expired;
}
