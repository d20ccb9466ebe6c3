import { decide } from '../domain/cart.js';
import { toCart, type CartRecord } from '../store/cart.entity.js';
import { lockOwnedCart } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Empties the cart; it stays ACTIVE (same id, same subscription) for the owner to keep shopping. */
export async function clearCart(deps: CartDeps, scope: CartScope, cartId: string): Promise<CartRecord> {
  const owner = requireCartReader(scope.caller, cartId);
  return inTransaction(scope.em, async (em) => {
    const record = await lockOwnedCart(em, cartId, owner);
    const decision = decide(toCart(record), { type: 'Clear' });
    if (!decision.ok) throw rejectionError(decision.rejection);
    await saveDecision(em, deps.eventNamespace, record, decision);
    return record;
  });
}
