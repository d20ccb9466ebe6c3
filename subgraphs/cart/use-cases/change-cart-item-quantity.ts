import { decide } from '../domain/cart.js';
import { isSku, normaliseSku } from '../domain/sku.js';
import { toCart } from '../store/cart.entity.js';
import { ProjectionRepository } from '../store/projection.repository.js';
import { lockOwnedCart, warningsAt, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { applyDecision, rejectionError } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';

/** Sets a line's quantity; the unit price stays the snapshot taken when the SKU was added. */
export async function changeCartItemQuantity(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, quantity: number): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  return scope.em.transactional(async (em) => {
    const record = await lockOwnedCart(em, cartId, owner);
    // raising the quantity is refused for a product that can no longer be added
    const { offer: product, stock } = isSku(sku) ? await new ProjectionRepository(em).findOfferAndStock(sku) : { offer: null, stock: null };
    const decision = decide(toCart(record), { type: 'ChangeQuantity', sku, quantity, product });
    if (!decision.ok) throw rejectionError(decision.rejection);
    applyDecision(em, deps.eventNamespace, record, decision);
    return { cart: record, warnings: warningsAt(record, sku, stock) };
  });
}
