import type { EntityManager } from '@mikro-orm/postgresql';
import { repeatAnnouncement, transition, type ReservationAction } from '../domain/reservation-lifecycle.js';
import { ReservationRepository } from '../store/reservation.repository.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { moveReservedUnits } from './move-reservation.js';
import { announce, announceRejection, answerMeta, type Announcement } from './reservation-announcements.js';
import { StockChanges } from './stock-changes.js';
import type { Cause, InventoryDeps } from './scope.js';

export interface ReservationChangeRequest {
  orderId: string;
  action: Exclude<ReservationAction, 'EXPIRE'>;
  /** Why (releases): kept on the reservation and in the movement log. */
  reason?: string;
}

export type ChangeOutcome = 'MOVED' | 'REPEATED' | 'REJECTED';

/**
 * Commit (payment captured), ship (dispatched) or release (compensation) of an order's
 * reservation, inside the caller's transaction. The lifecycle decides; a move shifts the units
 * between buckets (row + movement log) and announces the new status; work already done is
 * re-announced; an impossible request is answered with ReservationChangeRejected. A release of an
 * order never seen leaves a RELEASED marker, so the reservation request, when it comes, takes no
 * stock.
 */
export async function changeReservation(
  deps: InventoryDeps,
  em: EntityManager,
  request: ReservationChangeRequest,
  cause: Cause,
): Promise<ChangeOutcome> {
  const reservations = new ReservationRepository(em);
  const stock = new StockRepository(em);
  // the stock rows of its lines come locked with it (one round trip); a rejection or a repeat holds them needlessly until its commit
  const { reservation: existing, stock: locked } = await reservations.lockForOrder(request.orderId, stock.lockReservedSkusStatement(request.orderId));
  const next = transition(existing?.status, request.action);
  const reason = request.reason ?? null;

  switch (next.kind) {
    case 'reject':
      await writeInventory(em, {
        outbox: [announceRejection(deps.eventNamespace, request, existing?.status ?? null, next.reason, answerMeta(existing ?? { orderId: request.orderId, customerId: null }, cause))],
      });
      return 'REJECTED';
    case 'noop':
      await writeInventory(em, { outbox: [announce(deps.eventNamespace, existing!, repeatAnnouncement(request.action)!, cause, reason ?? undefined)] });
      return 'REPEATED';
    case 'move':
      break;
  }

  if (!existing) {
    const marker = reservations.create({
      orderId: request.orderId,
      customerId: cause.customerId ?? null,
      status: 'RELEASED',
      warehouseId: null,
      lines: [],
      unavailable: null,
      shippingRegion: null,
      shippingCountry: null,
      releaseReason: reason,
      releasedFrom: null,
      expiresAt: null,
    });
    await writeInventory(em, { reservation: { record: marker, isNew: true }, outbox: [announce(deps.eventNamespace, marker, 'RELEASED', cause)] });
    return 'MOVED';
  }

  const changes = new StockChanges(stock);
  changes.hold(locked, existing.lines.map((line) => line.sku));
  const from = existing.status;
  await moveReservedUnits(changes, existing, next.to, reason);
  existing.status = next.to;
  existing.updatedAt = new Date();
  if (next.to === 'RELEASED') {
    existing.releaseReason = reason;
    existing.releasedFrom = from === 'RESERVED' || from === 'COMMITTED' ? from : null;
  }
  await writeInventory(em, {
    stock: changes.rowChanges,
    movements: changes.movements,
    reservation: { record: existing, isNew: false },
    outbox: [announce(deps.eventNamespace, existing, next.to as Announcement, cause), ...changes.signals(deps.eventNamespace, answerMeta(existing, cause))],
  });
  return 'MOVED';
}
