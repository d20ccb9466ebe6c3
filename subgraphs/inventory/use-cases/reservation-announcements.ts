import type { EventMetadata } from '../../../events/contract.js';
import { outboxRow, type PendingOutboxRow } from '../../../events/outbox.js';
import {
  InventoryReservationFailed,
  InventoryReserved,
  ReservationChangeRejected,
  ReservationCommitted,
  ReservationExpired,
  ReservationReleased,
  ReservationShipped,
} from '../../../events/contracts/inventory/index.js';
import type { RejectionReason, ReservationAction, ReservationStatus } from '../domain/reservation-lifecycle.js';
import type { ReservationRecord } from '../store/reservation.entity.js';
import type { Cause } from './scope.js';

export type Announcement = 'RESERVED' | 'FAILED' | 'COMMITTED' | 'SHIPPED' | 'RELEASED' | 'EXPIRED';

/** Every answer about an order: correlated by the order, caused by the request, for its customer. */
export const answerMeta = (reservation: Pick<ReservationRecord, 'orderId' | 'customerId'>, cause: Cause): EventMetadata => ({
  correlationId: reservation.orderId,
  causationId: cause.causationId,
  customerId: reservation.customerId ?? cause.customerId ?? null,
});

/**
 * The outbox row (written with the transaction's other changes) of the event that tells the saga
 * where an order's reservation stands. Built from the reservation row alone, so a first answer and
 * a repeated one are the same.
 */
export function announce(eventNamespace: string, reservation: ReservationRecord, what: Announcement, cause: Cause, releaseReason?: string): PendingOutboxRow {
  const meta = answerMeta(reservation, cause);
  const { orderId, id: reservationId } = reservation;
  switch (what) {
    case 'RESERVED':
      return outboxRow(eventNamespace, InventoryReserved, {
        orderId,
        reservationId,
        warehouseId: required(reservation.warehouseId, 'warehouseId', reservation),
        lines: reservation.lines,
        expiresAt: required(reservation.expiresAt, 'expiresAt', reservation).toISOString(),
      }, meta);
    case 'FAILED':
      return outboxRow(eventNamespace, InventoryReservationFailed, {
        orderId,
        reason: 'OUT_OF_STOCK',
        unavailable: required(reservation.unavailable, 'unavailable', reservation),
      }, meta);
    case 'COMMITTED':
      return outboxRow(eventNamespace, ReservationCommitted, { orderId, reservationId, warehouseId: required(reservation.warehouseId, 'warehouseId', reservation) }, meta);
    case 'SHIPPED':
      return outboxRow(eventNamespace, ReservationShipped, { orderId, reservationId, warehouseId: required(reservation.warehouseId, 'warehouseId', reservation) }, meta);
    case 'RELEASED': {
      // a release that overtook the request left a marker with no lines: nothing was ever reserved
      const marker = reservation.lines.length === 0;
      return outboxRow(eventNamespace, ReservationReleased, {
        orderId,
        reservationId: marker ? null : reservationId,
        warehouseId: reservation.warehouseId,
        reason: reservation.releaseReason ?? releaseReason ?? 'RELEASED',
        previousStatus: reservation.status === 'RELEASED' ? reservation.releasedFrom : null,
      }, meta);
    }
    case 'EXPIRED':
      return outboxRow(eventNamespace, ReservationExpired, {
        orderId,
        reservationId,
        warehouseId: required(reservation.warehouseId, 'warehouseId', reservation),
        // the deadline it expired at: the same in a first answer and a repeated one
        expiredAt: required(reservation.expiresAt, 'expiresAt', reservation).toISOString(),
      }, meta);
  }
}

/** Nothing changed: the request cannot apply to the reservation as it stands (its outbox row). */
export function announceRejection(
  eventNamespace: string,
  request: { orderId: string; action: Exclude<ReservationAction, 'EXPIRE'> },
  status: ReservationStatus | null,
  reason: RejectionReason,
  meta: EventMetadata,
): PendingOutboxRow {
  return outboxRow(eventNamespace, ReservationChangeRejected, { orderId: request.orderId, requested: request.action, status, reason }, meta);
}

/** Row invariants (the table's CHECKs and the lifecycle keep them); a miss is a bug, not an outcome. */
function required<T>(value: T | null, field: string, reservation: ReservationRecord): T {
  if (value === null) throw new Error(`reservation ${reservation.id} (${reservation.status}) has no ${field}`);
  return value;
}
