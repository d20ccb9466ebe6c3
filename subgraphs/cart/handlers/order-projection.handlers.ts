import { project, BACKGROUND_PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { OrderPlaced } from '../../../events/contracts/orders/index.js';
import { placedOrderStatement } from '../use-cases/project-orders.js';

/** Orders' OrderPlaced → the cart's projection of past orders (for `reorder`). */
export function orderProjectionHandlers(): EventHandler[] {
  return [
    project(OrderPlaced, { name: 'past-orders-on-order-placed', ...BACKGROUND_PROJECTION_BATCH }, (event, schema) =>
      placedOrderStatement(schema, {
        orderId: event.payload.orderId,
        customerId: event.payload.customerId,
        items: event.payload.items.map(({ sku, quantity }) => ({ sku, quantity })),
        placedAt: new Date(event.payload.placedAt),
      }),
    ),
  ];
}
