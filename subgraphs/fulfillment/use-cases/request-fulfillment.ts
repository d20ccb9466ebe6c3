import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayloadOf } from '../../../events/contract.js';
import type { FulfillmentRequested } from '../../../events/contracts/orders/fulfillment-requested.event.js';
import { decide, type ShipmentCommand } from '../domain/shipment-lifecycle.js';
import { withShipmentChanges } from './shipment-changes.js';
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
  return withShipmentChanges(em, deps.eventNamespace, async (changes) => {
    // one read after the order's lock: the shipment (if any) and whether orders cancelled the order
    const { shipment: existing, orderCancelled } = await changes.lockForOrder(request.orderId);
    if (existing) return 'DUPLICATE';

    const now = new Date();
    const shipment = changes.open({
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
    changes.appendHistory({ shipmentId: shipment.id, kind: 'REQUESTED', actor: SYSTEM_ACTOR, detail: `${request.shippingMethod} shipping`, occurredAt: now });

    const command: ShipmentCommand = orderCancelled ? { kind: 'CANCEL', reason: 'Order cancelled before fulfillment' } : { kind: 'ASSIGN', warehouseId: request.warehouseId };
    const decision = decide(shipment, command);
    if (decision.kind === 'reject') throw new Error(`a new shipment refused ${command.kind}: ${decision.reason}`);
    changes.applyDecision(shipment, decision, now, { actor: SYSTEM_ACTOR, causationId });
    return orderCancelled ? 'CANCELLED' : 'ASSIGNED';
  });
}
