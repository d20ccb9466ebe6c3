import { project, BACKGROUND_PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { CheckoutAddressSelected } from '../../../events/contracts/orders/checkout-address-selected.event.js';
import { CheckoutAddressReleased } from '../../../events/contracts/orders/checkout-address-released.event.js';
import { checkoutAddressReleasedStatement, checkoutAddressSelectedStatement } from '../use-cases/track-checkout-addresses.js';

/** Orders' checkout events → which saved addresses checkouts in progress hold. */
export function checkoutAddressHandlers(): EventHandler[] {
  return [
    project(CheckoutAddressSelected, { name: 'address-in-use-on-checkout-address-selected', ...BACKGROUND_PROJECTION_BATCH }, (event, schema) => checkoutAddressSelectedStatement(schema, event)),
    project(CheckoutAddressReleased, { name: 'address-in-use-on-checkout-address-released', ...BACKGROUND_PROJECTION_BATCH }, (event, schema) => checkoutAddressReleasedStatement(schema, event)),
  ];
}
