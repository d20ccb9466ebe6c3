import { changeOwnCartItem } from './own-cart-changes.js';
import type { CartPayloadResult } from './owned-cart.js';
import type { CartDeps, CartScope } from './scope.js';

/** Removes a SKU's line; a SKU that is not in the cart changes nothing (a retried removal succeeds). */
export function removeCartItem(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string): Promise<CartPayloadResult> {
  return changeOwnCartItem(deps, scope, cartId, rawSku, (sku) => ({ type: 'RemoveItem', sku }));
}
