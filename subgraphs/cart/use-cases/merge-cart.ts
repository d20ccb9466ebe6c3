import { requireCustomer } from '../../../platform/auth.js';
import { badInput } from '../../../platform/errors.js';
import { decide } from '../domain/cart.js';
import { toCart, type CartRecord } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';
import { mergeCoupon } from './cart-coupon.js';
import { applyDecision, rejectionError } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Sign-in with a guest cart: the guest cart's lines move into the customer's ACTIVE cart (made
 * if needed) and the guest cart becomes CLEARED, in one transaction. The guest token proves the
 * caller held that guest session; it is verified like any session token and must be a GUEST one.
 * Lines that do not fit the limits are capped, not refused (recorded in the history and logged).
 * Idempotent: with no ACTIVE guest cart left, the customer's cart comes back unchanged.
 */
export async function mergeCart(deps: CartDeps, scope: CartScope, guestToken: string): Promise<CartRecord> {
  const customer = requireCustomer(scope.caller, 'Sign in as a customer to merge a guest cart');
  const guest = await deps.verifier.verify(guestToken).catch(() => null);
  if (guest?.kind !== 'guest') {
    throw badInput('guestToken must be a valid, unexpired guest session token', { guestToken: 'not a valid guest session token' });
  }

  return inTransaction(scope.em, async (em) => {
    const carts = new CartRepository(em);
    // Always the customer's cart first, then the guest's: two merges never lock in opposite orders.
    const target = await carts.ensureActive({ kind: 'CUSTOMER', id: customer.subject }, { lock: true });
    const source = await carts.lockActive({ kind: 'GUEST', id: guest.subject });
    if (!source) return target;

    const absorbed = decide(toCart(target), { type: 'Absorb', lines: source.lines });
    if (!absorbed.ok) throw rejectionError(absorbed.rejection);
    const handedOver = decide(toCart(source), { type: 'HandOver' });
    if (!handedOver.ok) throw rejectionError(handedOver.rejection);

    // before the guest cart hands over (and forgets) its lines and coupon
    const couponBefore = target.couponCode;
    const couponLeft = await mergeCoupon(em, target, source, deps.clock());
    const detail = { fromCartId: source.id, toCartId: target.id, capped: absorbed.capped, ...(couponLeft ? { couponLeft } : {}) };
    // the customer's cart is written when its lines or its coupon changed; both carts in one statement
    const targetWrite = applyDecision(deps.eventNamespace, target, absorbed, detail) ?? (target.couponCode !== couponBefore ? { record: target, history: [], outbox: [] } : null);
    const sourceWrite = applyDecision(deps.eventNamespace, source, handedOver, detail);
    await carts.write([targetWrite, sourceWrite].filter((write) => write !== null));
    if (couponLeft) scope.log.info({ cartId: target.id, guestCartId: source.id, code: couponLeft }, "the guest cart's coupon does not apply to the customer: left behind");
    if (absorbed.capped.length) scope.log.info({ cartId: target.id, guestCartId: source.id, capped: absorbed.capped }, 'merged guest cart lines capped at the cart limits');
    return target;
  });
}
