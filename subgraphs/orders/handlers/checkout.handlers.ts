import { handle, type EventHandler } from '../../../events/consumer.js';
import { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { startCheckout } from '../use-cases/start-checkout.js';

/** Cart's checkoutCart → the checkout orders runs. */
export function checkoutHandlers(): EventHandler[] {
  return [
    handle(CheckoutInitiated, { name: 'checkout-on-checkout-initiated', backoffMs: [250, 1_000, 5_000, 30_000] }, async (event, { em, log }) => {
      const created = await startCheckout(em, event.payload);
      log.info({ checkoutId: event.payload.checkoutId, created }, 'checkout started');
    }),
  ];
}
