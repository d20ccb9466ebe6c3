import { handle, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { OrderPlaced } from '../../../events/contracts/orders/index.js';
import { projectPlacedOrder } from '../use-cases/project-orders.js';

/** Orders' OrderPlaced → the cart's projection of past orders (for `reorder`). */
export function orderProjectionHandlers(): EventHandler[] {
  return [
    handle(OrderPlaced, { name: 'past-orders-on-order-placed', ...PROJECTION_BATCH }, (event, { em }) =>
      projectPlacedOrder(em, {
        orderId: event.payload.orderId,
        customerId: event.payload.customerId,
        items: event.payload.items.map(({ sku, quantity }) => ({ sku, quantity })),
        placedAt: new Date(event.payload.placedAt),
      }),
    ),
  ];
}
