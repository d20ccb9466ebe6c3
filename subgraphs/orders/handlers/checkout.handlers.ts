import { project, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { startCheckoutsStatement } from '../use-cases/start-checkout.js';
import type { OrdersDeps } from '../use-cases/scope.js';

/** Cart's checkoutCart → the checkout orders runs. */
export function checkoutHandlers(deps: Pick<OrdersDeps, 'recentCheckouts'>): EventHandler[] {
  return [
    project(
      CheckoutInitiated,
      { name: 'checkout-on-checkout-initiated', ...PROJECTION_BATCH, backoffMs: [250, 1_000, 5_000, 30_000] },
      (event, schema) => startCheckoutsStatement(deps, schema, [event.payload]),
      // a batch (the deliveries that piled up during a burst): one insert for all its checkouts
      (events, schema) => startCheckoutsStatement(deps, schema, events.map((event) => event.payload)),
    ),
  ];
}
