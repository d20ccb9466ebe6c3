import type { Caller } from '../../../platform/auth.js';
import { forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import type { CartOwner } from '../store/cart.repository.js';

/**
 * Carts belong to shoppers: a guest (the guest session's id) or a customer (the customer id),
 * both only ever the subject of a verified token. Staff have no carts and see none (SPEC §5:
 * only the owner reads a cart).
 */
export function ownerOf(caller: Caller): CartOwner | null {
  if (caller.kind === 'guest') return { kind: 'GUEST', id: caller.subject };
  if (caller.kind === 'customer') return { kind: 'CUSTOMER', id: caller.subject };
  return null;
}

/** For commands that create a cart: anonymous → UNAUTHENTICATED, staff → FORBIDDEN. */
export function requireShopper(caller: Caller): CartOwner {
  if (caller.kind === 'anonymous') throw unauthenticated('Start a guest session or sign in to use a cart');
  const owner = ownerOf(caller);
  if (!owner) throw forbidden('Carts belong to guests and customers, not to staff accounts');
  return owner;
}

/**
 * For commands about one cart: anonymous → UNAUTHENTICATED; anyone but the owner (staff
 * included) → NOT_FOUND, exactly as for an unknown id, so a cart's existence never leaks.
 */
export function requireCartReader(caller: Caller, cartId: string): CartOwner {
  if (caller.kind === 'anonymous') throw unauthenticated('Start a guest session or sign in to use a cart');
  const owner = ownerOf(caller);
  if (!owner || !isUuid(cartId)) throw cartNotFound(cartId);
  return owner;
}

export const cartNotFound = (cartId: string) => notFound(`Cart ${cartId}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
