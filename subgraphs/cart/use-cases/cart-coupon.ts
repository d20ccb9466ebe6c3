import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../../platform/errors.js';
import { couponAfterMerge, standingFor } from '../domain/coupon.js';
import { appliedCouponOf, type CartRecord } from '../store/cart.entity.js';
import { CouponProjectionRepository } from '../store/coupon-projection.repository.js';

/** Only an ACTIVE cart changes (the same rule as the item commands). */
export function requireActive(record: CartRecord): void {
  if (record.status !== 'ACTIVE') throw conflict(`The cart is ${record.status}; only an ACTIVE cart can change`, { rule: 'CART_NOT_ACTIVE' });
}

/**
 * mergeCart, inside its transaction: the guest cart's coupon joins the customer's cart if the
 * customer has none and it applies to the customer now (a guest cannot have used a coupon, a
 * customer may have). Returns the code left behind, if any.
 */
export async function mergeCoupon(em: EntityManager, target: CartRecord, guest: CartRecord, now: Date): Promise<string | null> {
  const guestCoupon = appliedCouponOf(guest);
  const standing = guestCoupon && !target.couponCode ? await judge(em, guestCoupon.code, target.ownerId, now) : null;
  const { coupon, dropped } = couponAfterMerge(appliedCouponOf(target), guestCoupon, standing);
  if (coupon?.code !== target.couponCode) {
    target.couponCode = coupon?.code ?? null;
    target.couponPercentOff = coupon?.percentOff ?? null;
    target.updatedAt = now;
  }
  return dropped;
}

async function judge(em: EntityManager, code: string, customerId: string, now: Date) {
  const known = await new CouponProjectionRepository(em).standing(code, customerId);
  return standingFor(known.coupon, known.usedByCustomer, now);
}
