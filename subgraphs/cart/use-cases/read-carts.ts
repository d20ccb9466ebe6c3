import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';
import { cartNotFound, ownerOf, requireCartReader } from './owner.js';
import type { CartScope } from './scope.js';

/** The caller's own cart, whatever its status; NOT_FOUND for anyone else's or an unknown id. */
export async function readCart(scope: CartScope, cartId: string): Promise<CartRecord> {
  const owner = requireCartReader(scope.caller, cartId);
  const record = await new CartRepository(scope.em).findOwned(cartId, owner);
  if (!record) throw cartNotFound(cartId);
  return record;
}

/** The caller's ACTIVE cart, or null (none yet, or a caller who cannot have one). */
export async function readMyCart(scope: CartScope): Promise<CartRecord | null> {
  const owner = ownerOf(scope.caller);
  return owner ? new CartRepository(scope.em).findActive(owner) : null;
}
