import type { EntityManager } from '@mikro-orm/postgresql';
import { decide } from '../domain/shipment-lifecycle.js';
import { withShipmentChanges } from './shipment-changes.js';
import { SYSTEM_ACTOR, type FulfillmentDeps } from './scope.js';

export type CancellationOutcome = 'CANCELLED' | 'NO_SHIPMENT_YET' | 'ALREADY_CANCELLED' | 'ALREADY_DISPATCHED';

/**
 * The order was cancelled (inside the handler's transaction). Remembers it, so that a
 * FulfillmentRequested sent before the cancellation but handled after it opens a CANCELLED
 * shipment; cancels a shipment not yet dispatched, so the warehouse cannot send out an order that
 * is no longer paid for. A parcel already on its way is left as it is: orders refuses to cancel
 * shipped orders, so this is a late or crossing message, not a request to recall the parcel.
 */
export async function cancelOrderShipment(
  deps: Pick<FulfillmentDeps, 'eventNamespace'>,
  em: EntityManager,
  cancellation: { orderId: string; reason: string | null },
  causationId: string,
): Promise<CancellationOutcome> {
  return withShipmentChanges(em, deps.eventNamespace, async (changes) => {
    const { shipment, orderCancelled } = await changes.lockForOrder(cancellation.orderId);
    if (!orderCancelled) changes.recordCancellation(cancellation.orderId, cancellation.reason);
    if (!shipment) return 'NO_SHIPMENT_YET';

    const decision = decide(shipment, { kind: 'CANCEL', reason: cancellation.reason ? `Order cancelled: ${cancellation.reason}` : 'Order cancelled' });
    if (decision.kind === 'reject') return decision.reason === 'CANCELLED' ? 'ALREADY_CANCELLED' : 'ALREADY_DISPATCHED';
    changes.applyDecision(shipment, decision, new Date(), { actor: SYSTEM_ACTOR, causationId });
    return 'CANCELLED';
  });
}
