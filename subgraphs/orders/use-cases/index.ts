import { cancelOrder } from './cancel-order.js';
import { setCheckoutPaymentMethod, setCheckoutShippingAddress, setCheckoutShippingMethod } from './checkout-steps.js';
import { placeOrder } from './place-order.js';
import { readAllOrders, readCheckout, readCustomerOrders, readMyOrders, readOrder, readStatusChanges, resolveOrderReference } from './read-orders.js';
import { findReadableCheckout } from './checkout-access.js';
import type { OrdersDeps, OrdersScope } from './scope.js';
import { checkoutDiscountPercent } from './read-checkout-coupon.js';

export type { OrdersDeps, OrdersScope } from './scope.js';
export type { OrderPage, CustomerReference } from './read-orders.js';

/** The orders context's use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createOrdersUseCases(deps: OrdersDeps) {
  return {
    readCheckout: (scope: OrdersScope, id: string) => readCheckout(deps, scope, id),
    /** `_entities` for Checkout (cart's checkoutCart answer): waits like `checkout(id)`. */
    resolveCheckoutReference: (scope: OrdersScope, id: string) => findReadableCheckout(deps, scope, id),
    readOrder,
    resolveOrderReference,
    readMyOrders,
    readCustomerOrders,
    readAllOrders,
    readStatusChanges,
    setCheckoutShippingAddress: (scope: OrdersScope, ...args: Rest<typeof setCheckoutShippingAddress>) => setCheckoutShippingAddress(deps, scope, ...args),
    setCheckoutShippingMethod: (scope: OrdersScope, ...args: Rest<typeof setCheckoutShippingMethod>) => setCheckoutShippingMethod(deps, scope, ...args),
    setCheckoutPaymentMethod: (scope: OrdersScope, ...args: Rest<typeof setCheckoutPaymentMethod>) => setCheckoutPaymentMethod(deps, scope, ...args),
    placeOrder: (scope: OrdersScope, ...args: Rest<typeof placeOrder>) => placeOrder(deps, scope, ...args),
    cancelOrder: (scope: OrdersScope, ...args: Rest<typeof cancelOrder>) => cancelOrder(deps, scope, ...args),
    checkoutDiscountPercent,
    settings: { checkoutTtlMs: deps.checkoutTtlMs, clock: deps.clock },
  };
}

export type OrdersUseCases = ReturnType<typeof createOrdersUseCases>;

/** The arguments after (deps, scope). */
type Rest<F> = F extends (deps: OrdersDeps, scope: OrdersScope, ...rest: infer R) => unknown ? R : never;
