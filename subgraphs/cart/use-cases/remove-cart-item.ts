import { decide } from '../domain/cart.js';
import { normaliseSku } from '../domain/sku.js';
import { toCart } from '../store/cart.entity.js';
import { lockOwnedCart, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Removes a SKU's line; a SKU that is not in the cart changes nothing (a retried removal succeeds). */
export async function removeCartItem(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  return inTransaction(scope.em, async (em) => {
    const record = await lockOwnedCart(em, cartId, owner);
    const decision = decide(toCart(record), { type: 'RemoveItem', sku });
    if (!decision.ok) throw rejectionError(decision.rejection);
    await saveDecision(em, deps.eventNamespace, record, decision);
    return { cart: record, warnings: [] };
  });
}
