import { couponStanding, discountCents, type CouponFacts, type CouponStanding } from '../../../events/contracts/promotions/index.js';
import type { CartLine } from './cart.js';
import { subtotalOf } from './cart.js';
import type { Money } from './money.js';

/**
 * The coupon on a cart (SPEC §12): at most one, kept as its code and percentage when applied.
 * Validity is judged by the promotions terms (events/contracts/promotions) against the cart's
 * projection of coupons; the discount follows the cart's lines as they change.
 */
export interface AppliedCoupon {
  code: string;
  percentOff: number;
}

/** Per cart, half up, on the whole subtotal (the one rounding rule; docs/promotions.md). */
export function discountOf(lines: readonly CartLine[], coupon: AppliedCoupon | null): Money {
  const subtotal = subtotalOf(lines);
  return { cents: coupon ? discountCents(subtotal.cents, coupon.percentOff) : 0, currency: subtotal.currency };
}

/**
 * Whether a coupon may go on this owner's cart now. A guest has no order history, so "already
 * used" is checked again when the guest cart joins a customer's (mergeCart).
 */
export function standingFor(coupon: CouponFacts | null, usedByOwner: boolean, now: Date): CouponStanding {
  return couponStanding(coupon, usedByOwner, now);
}

/**
 * Merge at sign-in: the customer's own coupon stays (one per cart); otherwise the guest's coupon
 * comes along if it applies to the customer, judged now.
 */
export function couponAfterMerge(target: AppliedCoupon | null, guest: AppliedCoupon | null, guestStanding: CouponStanding | null): { coupon: AppliedCoupon | null; dropped: string | null } {
  if (target) return { coupon: target, dropped: guest && guest.code !== target.code ? guest.code : null };
  if (!guest) return { coupon: null, dropped: null };
  if (guestStanding?.applies) return { coupon: { code: guest.code, percentOff: guestStanding.percentOff }, dropped: null };
  return { coupon: null, dropped: guest.code };
}
