import { handle, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { announceArrival } from '../../../platform/arrivals.js';
import { startCheckout } from '../use-cases/start-checkout.js';
import { ORDERS_ARRIVALS_CHANNEL } from '../use-cases/scope.js';

/** Cart's checkoutCart → the checkout orders runs. */
export function checkoutHandlers(): EventHandler[] {
  return [
    handle(CheckoutInitiated, { name: 'checkout-on-checkout-initiated', ...PROJECTION_BATCH, backoffMs: [250, 1_000, 5_000, 30_000] }, async (event, { em, log }) => {
      const created = await startCheckout(em, event.payload);
      // requests for this checkout that came before its event wake as this commits
      if (created) await announceArrival(em, ORDERS_ARRIVALS_CHANNEL, event.payload.checkoutId);
      log.info({ checkoutId: event.payload.checkoutId, created }, 'checkout started');
    }),
  ];
}
