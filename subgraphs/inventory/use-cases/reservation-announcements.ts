import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '../../../events/contract.js';
import { recordEvent } from '../../../events/outbox.js';
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
 * Records (outbox, same transaction) the event that tells the saga where an order's reservation
 * stands. Built from the reservation row alone, so a first answer and a repeated one are the same.
 */
export function announce(em: EntityManager, eventNamespace: string, reservation: ReservationRecord, what: Announcement, cause: Cause, releaseReason?: string): void {
  const meta = answerMeta(reservation, cause);
  const { orderId, id: reservationId } = reservation;
  switch (what) {
    case 'RESERVED':
      recordEvent(em, eventNamespace, InventoryReserved, {
        orderId,
        reservationId,
        warehouseId: required(reservation.warehouseId, 'warehouseId', reservation),
        lines: reservation.lines,
        expiresAt: required(reservation.expiresAt, 'expiresAt', reservation).toISOString(),
      }, meta);
      return;
    case 'FAILED':
      recordEvent(em, eventNamespace, InventoryReservationFailed, {
        orderId,
        reason: 'OUT_OF_STOCK',
        unavailable: required(reservation.unavailable, 'unavailable', reservation),
      }, meta);
      return;
    case 'COMMITTED':
      recordEvent(em, eventNamespace, ReservationCommitted, { orderId, reservationId, warehouseId: required(reservation.warehouseId, 'warehouseId', reservation) }, meta);
      return;
    case 'SHIPPED':
      recordEvent(em, eventNamespace, ReservationShipped, { orderId, reservationId, warehouseId: required(reservation.warehouseId, 'warehouseId', reservation) }, meta);
      return;
    case 'RELEASED': {
      // a release that overtook the request left a marker with no lines: nothing was ever reserved
      const marker = reservation.lines.length === 0;
      recordEvent(em, eventNamespace, ReservationReleased, {
        orderId,
        reservationId: marker ? null : reservationId,
        warehouseId: reservation.warehouseId,
        reason: reservation.releaseReason ?? releaseReason ?? 'RELEASED',
        previousStatus: reservation.status === 'RELEASED' ? reservation.releasedFrom : null,
      }, meta);
      return;
    }
    case 'EXPIRED':
      recordEvent(em, eventNamespace, ReservationExpired, {
        orderId,
        reservationId,
        warehouseId: required(reservation.warehouseId, 'warehouseId', reservation),
        // the deadline it expired at: the same in a first answer and a repeated one
        expiredAt: required(reservation.expiresAt, 'expiresAt', reservation).toISOString(),
      }, meta);
      return;
  }
}

/** Nothing changed: the request cannot apply to the reservation as it stands. */
export function announceRejection(
  em: EntityManager,
  eventNamespace: string,
  request: { orderId: string; action: Exclude<ReservationAction, 'EXPIRE'> },
  status: ReservationStatus | null,
  reason: RejectionReason,
  meta: EventMetadata,
): void {
  recordEvent(em, eventNamespace, ReservationChangeRejected, { orderId: request.orderId, requested: request.action, status, reason }, meta);
}

/** Row invariants (the table's CHECKs and the lifecycle keep them); a miss is a bug, not an outcome. */
function required<T>(value: T | null, field: string, reservation: ReservationRecord): T {
  if (value === null) throw new Error(`reservation ${reservation.id} (${reservation.status}) has no ${field}`);
  return value;
}
