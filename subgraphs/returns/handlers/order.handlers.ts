import { handle, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { ShipmentDelivered } from '../../../events/contracts/fulfillment/index.js';
import { FulfillmentRequested, OrderPlaced } from '../../../events/contracts/orders/index.js';
import { projectDelivery, projectFulfillmentRequested, projectOrderPlaced } from '../use-cases/project-orders.js';

/** Orders and fulfillment's facts → returns' view of each order (customer, lines, warehouse, delivery). */
export function orderHandlers(): EventHandler[] {
  return [
    handle(OrderPlaced, { name: 'project-order-placed', ...PROJECTION_BATCH }, async (event, { em }) => {
      await projectOrderPlaced(em, event.payload);
    }),
    handle(FulfillmentRequested, { name: 'project-fulfillment-requested', ...PROJECTION_BATCH }, async (event, { em }) => {
      await projectFulfillmentRequested(em, event.payload);
    }),
    handle(ShipmentDelivered, { name: 'project-shipment-delivered' }, async (event, { em }) => {
      await projectDelivery(em, event.payload.orderId, event.payload.deliveredAt);
    }),
  ];
}
