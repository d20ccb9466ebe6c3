import { handle, type EventHandler, type HandlerOptions } from '../../../events/handler.js';
import { InventoryReservationRequested } from '../../../events/contracts/orders/inventory-reservation-requested.event.js';
import { ReservationCommitRequested } from '../../../events/contracts/orders/reservation-commit-requested.event.js';
import { ReservationReleaseRequested } from '../../../events/contracts/orders/reservation-release-requested.event.js';
import { ReservationShipRequested } from '../../../events/contracts/fulfillment/reservation-ship-requested.event.js';
import { changeReservation } from '../use-cases/change-reservation.js';
import { reserveOrder } from '../use-cases/reserve-order.js';
import type { InventoryDeps } from '../use-cases/scope.js';
import { reservationLockKey } from '../store/reservation.repository.js';

/**
 * Retry matrix (SPEC §7): inventory operations get 5 attempts. Requests for one order queue on the
 * order's lock, which the kit takes in the statement that writes the inbox row (`lockKey`); both
 * travel in the message of the handler's first read (the order's reservation), so a copy of a
 * message handled before stops there, before any work.
 */
const INVENTORY_OPERATION: Omit<HandlerOptions, 'name'> = { maxDeliver: 5, backoffMs: [500, 2_000, 10_000, 30_000] };
const byOrder = (payload: { orderId: string }): string => reservationLockKey(payload.orderId);

/**
 * The saga's requests → the reservation engine. Each runs in the kit's transaction with its inbox
 * row and the order's lock, so a redelivered message does nothing; a new message for the same
 * order is answered from the reservation as it stands (see use-cases/reserve-order.ts and
 * change-reservation.ts).
 */
export function reservationHandlers(deps: InventoryDeps): EventHandler[] {
  return [
    handle(InventoryReservationRequested, { name: 'reserve-on-inventory-reservation-requested', ...INVENTORY_OPERATION, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await reserveOrder(deps, em, event.payload, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'reservation requested');
    }),
    handle(ReservationCommitRequested, { name: 'commit-on-reservation-commit-requested', ...INVENTORY_OPERATION, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await changeReservation(deps, em, { orderId: event.payload.orderId, action: 'COMMIT' }, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'commit requested');
    }),
    handle(ReservationReleaseRequested, { name: 'release-on-reservation-release-requested', ...INVENTORY_OPERATION, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await changeReservation(deps, em, { orderId: event.payload.orderId, action: 'RELEASE', reason: event.payload.reason }, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'release requested');
    }),
    handle(ReservationShipRequested, { name: 'ship-on-reservation-ship-requested', ...INVENTORY_OPERATION, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await changeReservation(deps, em, { orderId: event.payload.orderId, action: 'SHIP' }, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'ship requested');
    }),
  ];
}

const cause = (event: { id: string; customerId: string | null }) => ({ causationId: event.id, customerId: event.customerId });
