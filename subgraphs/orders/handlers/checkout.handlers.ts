import { project, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { startCheckoutStatement } from '../use-cases/start-checkout.js';
import type { OrdersDeps } from '../use-cases/scope.js';

/** Cart's checkoutCart → the checkout orders runs. */
export function checkoutHandlers(deps: Pick<OrdersDeps, 'recentCheckouts'>): EventHandler[] {
  return [
    project(CheckoutInitiated, { name: 'checkout-on-checkout-initiated', ...PROJECTION_BATCH, backoffMs: [250, 1_000, 5_000, 30_000] }, (event, schema) =>
      startCheckoutStatement(deps, schema, event.payload),
    ),
  ];
}
