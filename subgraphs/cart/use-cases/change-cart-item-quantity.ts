import { changeOwnCartItem } from './own-cart-changes.js';
import type { CartPayloadResult } from './owned-cart.js';
import type { CartDeps, CartScope } from './scope.js';

/**
 * Sets a line's quantity; the unit price stays the snapshot taken when the SKU was added. Raising
 * it is refused for a product that can no longer be added.
 */
export function changeCartItemQuantity(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, quantity: number): Promise<CartPayloadResult> {
  return changeOwnCartItem(deps, scope, cartId, rawSku, (sku, product) => ({ type: 'ChangeQuantity', sku, quantity, product }));
}
