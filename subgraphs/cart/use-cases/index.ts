import { addCartItem } from './add-cart-item.js';
import { applyCoupon, removeCoupon } from './apply-coupon.js';
import { changeCartItemQuantity } from './change-cart-item-quantity.js';
import { checkoutCart } from './checkout-cart.js';
import { clearCart } from './clear-cart.js';
import { createCart } from './create-cart.js';
import { mergeCart } from './merge-cart.js';
import { readCart, readMyCart } from './read-carts.js';
import { removeCartItem } from './remove-cart-item.js';
import { reorder } from './reorder.js';
import type { CartDeps, CartScope } from './scope.js';

export type { CartDeps, CartScope } from './scope.js';
export type { CartPayloadResult } from './owned-cart.js';
export type { CheckoutReference } from './checkout-cart.js';

/** The cart's use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createCartUseCases(deps: CartDeps) {
  return {
    readCart,
    readMyCart,
    createCart: (scope: CartScope) => createCart(deps, scope),
    addCartItem: (scope: CartScope, ...args: Rest<typeof addCartItem>) => addCartItem(deps, scope, ...args),
    changeCartItemQuantity: (scope: CartScope, ...args: Rest<typeof changeCartItemQuantity>) => changeCartItemQuantity(deps, scope, ...args),
    removeCartItem: (scope: CartScope, ...args: Rest<typeof removeCartItem>) => removeCartItem(deps, scope, ...args),
    clearCart: (scope: CartScope, ...args: Rest<typeof clearCart>) => clearCart(deps, scope, ...args),
    mergeCart: (scope: CartScope, ...args: Rest<typeof mergeCart>) => mergeCart(deps, scope, ...args),
    checkoutCart: (scope: CartScope, ...args: Rest<typeof checkoutCart>) => checkoutCart(deps, scope, ...args),
    reorder: (scope: CartScope, ...args: Rest<typeof reorder>) => reorder(deps, scope, ...args),
    applyCoupon: (scope: CartScope, ...args: Rest<typeof applyCoupon>) => applyCoupon(deps, scope, ...args),
    removeCoupon: (scope: CartScope, ...args: Rest<typeof removeCoupon>) => removeCoupon(deps, scope, ...args),
  };
}

export type CartUseCases = ReturnType<typeof createCartUseCases>;

/** The arguments after (deps, scope). */
type Rest<F> = F extends (deps: CartDeps, scope: CartScope, ...rest: infer R) => unknown ? R : never;
