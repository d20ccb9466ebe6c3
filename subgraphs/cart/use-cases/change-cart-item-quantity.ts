import { decide } from '../domain/cart.js';
import { normaliseSku } from '../domain/sku.js';
import { toCart } from '../store/cart.entity.js';
import { lockOwnedCartWithOffer, warningsAt, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Sets a line's quantity; the unit price stays the snapshot taken when the SKU was added. */
export async function changeCartItemQuantity(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, quantity: number): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  return inTransaction(scope.em, async (em) => {
    // raising the quantity is refused for a product that can no longer be added
    const { record, offer: product, stock } = await lockOwnedCartWithOffer(em, cartId, owner, sku);
    const decision = decide(toCart(record), { type: 'ChangeQuantity', sku, quantity, product });
    if (!decision.ok) throw rejectionError(decision.rejection);
    await saveDecision(em, deps.eventNamespace, record, decision);
    return { cart: record, warnings: warningsAt(record, sku, stock) };
  });
}
