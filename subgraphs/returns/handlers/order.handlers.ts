import { project, BACKGROUND_PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { ShipmentDelivered } from '../../../events/contracts/fulfillment/index.js';
import { FulfillmentRequested, OrderPlaced } from '../../../events/contracts/orders/index.js';
import { deliveryStatement, fulfillmentRequestedStatement, orderPlacedStatement } from '../use-cases/project-orders.js';

/** Orders and fulfillment's facts → returns' view of each order (customer, lines, warehouse, delivery). */
export function orderHandlers(): EventHandler[] {
  return [
    project(OrderPlaced, { name: 'project-order-placed', ...BACKGROUND_PROJECTION_BATCH }, (event, schema) => orderPlacedStatement(schema, event.payload)),
    project(FulfillmentRequested, { name: 'project-fulfillment-requested', ...BACKGROUND_PROJECTION_BATCH }, (event, schema) => fulfillmentRequestedStatement(schema, event.payload)),
    project(ShipmentDelivered, { name: 'project-shipment-delivered' }, (event, schema) => deliveryStatement(schema, event.payload.orderId, event.payload.deliveredAt)),
  ];
}
