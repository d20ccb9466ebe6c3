import { lineDelta, type ReservationStatus } from '../domain/reservation-lifecycle.js';
import type { ReservationRecord } from '../store/reservation.entity.js';
import type { MovementKind } from '../store/stock-movement.entity.js';
import type { StockChanges } from './stock-changes.js';
import { SYSTEM_ACTOR } from './scope.js';

/**
 * Moves every line of a reservation that holds units from its status's bucket to `to`'s, at its
 * warehouse, logging one movement per line (reference = the order). Locks the lines' SKUs first,
 * in the global lock order, through `changes`.
 */
export async function moveReservedUnits(changes: StockChanges, reservation: ReservationRecord, to: ReservationStatus, reason: string | null): Promise<void> {
  const warehouseId = reservation.warehouseId;
  if (!warehouseId || reservation.lines.length === 0) return; // nothing was ever held
  await changes.lock(reservation.lines.map((line) => line.sku));
  for (const line of reservation.lines) {
    changes.apply(line.sku, warehouseId, lineDelta(reservation.status, to, line.quantity), {
      kind: to as MovementKind,
      actor: SYSTEM_ACTOR,
      reason,
      reference: reservation.orderId,
    });
  }
}
