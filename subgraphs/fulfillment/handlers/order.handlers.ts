import { handle, type EventHandler } from '../../../events/handler.js';
import { FulfillmentRequested } from '../../../events/contracts/orders/fulfillment-requested.event.js';
import { OrderStatusChanged } from '../../../events/contracts/orders/order-status-changed.event.js';
import { cancelOrderShipment } from '../use-cases/cancel-order-shipment.js';
import { requestFulfillment } from '../use-cases/request-fulfillment.js';
import type { FulfillmentDeps } from '../use-cases/scope.js';
import { shipmentLockKey } from '../store/shipment.repository.js';

/**
 * The order saga's requests → shipments. Each runs in the kit's transaction with its inbox row, so
 * a redelivered message does nothing; a new message for the same order is judged against the
 * shipment as it stands (see the use cases).
 */
export function orderHandlers(deps: Pick<FulfillmentDeps, 'eventNamespace'>): EventHandler[] {
  return [
    handle(FulfillmentRequested, { name: 'open-shipment-on-fulfillment-requested', lockKey: (p) => shipmentLockKey(p.orderId) }, async (event, { em, log }) => {
      const outcome = await requestFulfillment(deps, em, event.payload, event.id);
      log.info({ orderId: event.payload.orderId, warehouseId: event.payload.warehouseId, outcome }, 'fulfillment requested');
    }),
    handle(OrderStatusChanged, { name: 'cancel-shipment-on-order-cancelled', relevant: (p) => p.status === 'CANCELLED', lockKey: (p) => shipmentLockKey(p.orderId) }, async (event, { em, log }) => {
      const outcome = await cancelOrderShipment(deps, em, { orderId: event.payload.orderId, reason: event.payload.reason ?? null }, event.id);
      log.info({ orderId: event.payload.orderId, outcome }, 'order cancelled');
    }),
  ];
}
