import { isCouponCode, normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import { DomainError } from '../../../platform/errors.js';
import { standingFor } from '../domain/coupon.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';
import { CouponProjectionRepository } from '../store/coupon-projection.repository.js';
import { lockOwnedCart, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { requireActive } from './cart-coupon.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Guests and customers: puts a coupon on the ACTIVE cart, replacing any other (one per cart). The
 * coupon is judged synchronously against the cart's own projection of promotions' coupons and of
 * orders' redemptions; a refusal names its `rule` and changes nothing. The redemption itself is
 * decided by orders at placeOrder: a coupon that stops applying meanwhile is handled there.
 */
export async function applyCoupon(deps: CartDeps, scope: CartScope, cartId: string, rawCode: string): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const code = normaliseCouponCode(rawCode);
  return inTransaction(scope.em, async (em) => {
    const record = await lockOwnedCart(em, cartId, owner);
    requireActive(record);
    const known = isCouponCode(code)
      ? await new CouponProjectionRepository(em).standing(code, record.ownerKind === 'CUSTOMER' ? record.ownerId : null)
      : { coupon: null, usedByCustomer: false };
    const standing = standingFor(known.coupon, known.usedByCustomer, deps.clock());
    if (!standing.applies) throw new DomainError('BAD_USER_INPUT', standing.message, { rule: standing.rule, fields: { code: standing.message } });
    if (record.couponCode !== code) await setCoupon(em, record, { code, percentOff: standing.percentOff }, deps.clock());
    scope.log.info({ cartId, code }, 'coupon applied');
    return { cart: record, warnings: [] };
  });
}

/** Takes the coupon off; a cart without one is returned unchanged. */
export async function removeCoupon(deps: CartDeps, scope: CartScope, cartId: string): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  return inTransaction(scope.em, async (em) => {
    const record = await lockOwnedCart(em, cartId, owner);
    requireActive(record);
    if (record.couponCode) await setCoupon(em, record, null, deps.clock());
    return { cart: record, warnings: [] };
  });
}

async function setCoupon(em: EntityManager, record: CartRecord, coupon: { code: string; percentOff: number } | null, now: Date): Promise<void> {
  record.couponCode = coupon?.code ?? null;
  record.couponPercentOff = coupon?.percentOff ?? null;
  // a change like any other: a guest cart's 24 hours start again
  record.updatedAt = now;
  await new CartRepository(em).write([{ record, history: [], outbox: [] }]);
}
