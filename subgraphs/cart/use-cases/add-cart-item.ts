import { decide } from '../domain/cart.js';
import { normaliseSku } from '../domain/sku.js';
import { toCart } from '../store/cart.entity.js';
import { lockOwnedCartWithOffer, warningsAt, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Adds units of a product at the price the cart's catalog projection holds now (the price
 * snapshot); more of a SKU already in the cart keeps its first price. No call to catalog or
 * inventory: both are local projections.
 */
export async function addCartItem(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, quantity: number): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  return inTransaction(scope.em, async (em) => {
    const { record, offer: product, stock } = await lockOwnedCartWithOffer(em, cartId, owner, sku);
    const decision = decide(toCart(record), { type: 'AddItem', sku, quantity, product });
    if (!decision.ok) throw rejectionError(decision.rejection);
    await saveDecision(em, deps.eventNamespace, record, decision);
    return { cart: record, warnings: warningsAt(record, sku, stock) };
  });
}
