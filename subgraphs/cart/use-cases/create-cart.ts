import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';
import { requireShopper } from './owner.js';
import type { CartDeps, CartScope } from './scope.js';

/**
 * The caller's ACTIVE cart, created when there is none: calling it twice (or twice at once)
 * gives the same cart. Creating an empty cart is not a change of one, so nothing is published.
 */
export async function createCart(deps: CartDeps, scope: CartScope): Promise<CartRecord> {
  const owner = requireShopper(scope.caller);
  // one statement: no transaction needed (CartRepository.ensureActive); what it answers is committed
  const cart = await new CartRepository(scope.em).ensureActive(owner);
  // the owner's item changes come next (own-cart-changes.ts)
  deps.recentCarts.remember(cart.id, cart);
  return cart;
}
