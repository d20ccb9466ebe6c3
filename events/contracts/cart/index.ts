export { CartChanged, cartUpdateReasons, cartStatuses } from './cart-changed.event.js';
export { CheckoutInitiated } from './checkout-initiated.event.js';
