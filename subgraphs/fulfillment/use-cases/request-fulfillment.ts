import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayloadOf } from '../../../events/contract.js';
import type { FulfillmentRequested } from '../../../events/contracts/orders/fulfillment-requested.event.js';
import { decide, type ShipmentCommand } from '../domain/shipment-lifecycle.js';
import { ShipmentRepository } from '../store/shipment.repository.js';
import { applyDecision } from './shipment-changes.js';
import { SYSTEM_ACTOR, type FulfillmentDeps } from './scope.js';

export type FulfillmentOutcome = 'ASSIGNED' | 'CANCELLED' | 'DUPLICATE';

/**
 * FulfillmentRequested (inside the handler's transaction): opens the order's one shipment and
 * assigns it to the warehouse that holds the reservation (ShipmentAssigned). A second request for
 * the same order (the saga retrying, a replay under a new id) is ignored. A request for an order
 * orders has cancelled meanwhile opens a CANCELLED shipment, which no one can dispatch.
 */
export async function requestFulfillment(
  deps: Pick<FulfillmentDeps, 'eventNamespace'>,
  em: EntityManager,
  request: PayloadOf<typeof FulfillmentRequested>,
  causationId: string,
): Promise<FulfillmentOutcome> {
  const shipments = new ShipmentRepository(em);
  if (await shipments.lockForOrder(request.orderId)) return 'DUPLICATE';

  const now = new Date();
  const shipment = shipments.add({
    orderId: request.orderId,
    customerId: request.customerId,
    reservationId: request.reservationId,
    warehouseId: request.warehouseId,
    status: 'REQUESTED',
    items: request.items.map(({ sku, quantity }) => ({ sku, quantity })),
    shippingAddress: request.shippingAddress,
    shippingMethod: request.shippingMethod,
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
    deliveryAttempts: 0,
    assignedAt: null,
    dispatchedAt: null,
    deliveredAt: null,
    deliveryFailedAt: null,
    cancelledAt: null,
  });
  shipments.appendHistory({ shipmentId: shipment.id, kind: 'REQUESTED', actor: SYSTEM_ACTOR, detail: `${request.shippingMethod} shipping`, occurredAt: now });

  const cancelled = await shipments.isCancelled(request.orderId);
  const command: ShipmentCommand = cancelled ? { kind: 'CANCEL', reason: 'Order cancelled before fulfillment' } : { kind: 'ASSIGN', warehouseId: request.warehouseId };
  const decision = decide(shipment, command);
  if (decision.kind === 'reject') throw new Error(`a new shipment refused ${command.kind}: ${decision.reason}`);
  applyDecision(em, shipments, deps.eventNamespace, shipment, decision, now, { actor: SYSTEM_ACTOR, causationId });
  return cancelled ? 'CANCELLED' : 'ASSIGNED';
}
