import { changeOwnCartItem } from './own-cart-changes.js';
import type { CartPayloadResult } from './owned-cart.js';
import type { CartDeps, CartScope } from './scope.js';

/**
 * Adds units of a product at the price the cart's catalog projection holds now (the price
 * snapshot); more of a SKU already in the cart keeps its first price. No call to catalog or
 * inventory: both are local projections.
 */
export function addCartItem(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, quantity: number): Promise<CartPayloadResult> {
  return changeOwnCartItem(deps, scope, cartId, rawSku, (sku, product) => ({ type: 'AddItem', sku, quantity, product }));
}
