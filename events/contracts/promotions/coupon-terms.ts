/**
 * The terms of a coupon, as promotions publishes them: what makes a code the same code, what a
 * coupon takes off, and when it no longer applies. Promotions owns coupons; cart (applying),
 * orders (placing, redeeming) and returns (prorating a refund) honour them, and they must all
 * answer alike, so the rules live here once, beside the events that carry the coupon's facts.
 * Pure: no I/O.
 */

/** Codes are case-insensitive: stored and compared upper-cased, without surrounding blanks. */
export const normaliseCouponCode = (code: string): string => code.trim().toUpperCase();

/** Letters, digits, "-" and "_", 3–32 characters once normalised. */
export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

export const isCouponCode = (code: string): boolean => COUPON_CODE_PATTERN.test(code);

/**
 * THE rounding rule (per cart, integer cents): the discount is the subtotal × percentOff / 100
 * rounded half up, computed once on the whole subtotal — never per line. Cart, checkout, order,
 * the payment amount and e-mails all use this number. 1–100 % of a non-negative subtotal: never
 * more than the subtotal, never negative.
 */
export function discountCents(subtotalCents: number, percentOff: number): number {
  if (!Number.isInteger(subtotalCents) || subtotalCents < 0) throw new RangeError(`subtotal must be a non-negative integer of cents, got ${subtotalCents}`);
  if (!Number.isInteger(percentOff) || percentOff < 1 || percentOff > 100) throw new RangeError(`percentOff must be an integer 1-100, got ${percentOff}`);
  // integers throughout: subtotal × percent stays far below 2^53 for any cart (≤ 10^9 cents)
  return Math.floor((subtotalCents * percentOff + 50) / 100);
}

/**
 * The part of an order's discount that belongs to some of its lines (a return, a partial refund):
 * the discount prorated by value, `discount × part / subtotal`, rounded half up. Returning every
 * line gives back exactly the whole discount; parts of one order may differ from the sum of their
 * shares by a cent, so a refund of the last units should take the remainder instead.
 */
export function discountShareCents(partCents: number, subtotalCents: number, orderDiscountCents: number): number {
  if (subtotalCents <= 0 || orderDiscountCents <= 0 || partCents <= 0) return 0;
  if (partCents >= subtotalCents) return orderDiscountCents;
  return Math.floor((2 * partCents * orderDiscountCents + subtotalCents) / (2 * subtotalCents));
}

/** Why a coupon does not apply (the `rule` of the refusal). */
export type CouponRule = 'COUPON_UNKNOWN' | 'COUPON_INACTIVE' | 'COUPON_EXPIRED' | 'COUPON_EXHAUSTED' | 'COUPON_ALREADY_USED';

/** What a context knows about a coupon (its projection of promotions' events). */
export interface CouponFacts {
  code: string;
  percentOff: number;
  validUntil: Date | null;
  maxRedemptions: number | null;
  active: boolean;
  /** Redemptions held by placed (not cancelled) orders. */
  redemptions: number;
}

export type CouponStanding = { applies: true; percentOff: number } | { applies: false; rule: CouponRule; message: string };

/**
 * Whether a coupon applies now for a shopper: known, active, not past `validUntil`, redemptions
 * left, and not already redeemed by this customer (one use per customer; `usedByCustomer` is
 * false for guests, whose use is checked when their cart joins a customer's at sign-in).
 */
export function couponStanding(coupon: CouponFacts | null, usedByCustomer: boolean, now: Date): CouponStanding {
  if (!coupon) return refused('COUPON_UNKNOWN', 'No such coupon');
  if (!coupon.active) return refused('COUPON_INACTIVE', `Coupon ${coupon.code} is no longer active`);
  if (coupon.validUntil && coupon.validUntil.getTime() <= now.getTime()) return refused('COUPON_EXPIRED', `Coupon ${coupon.code} expired`);
  if (coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) return refused('COUPON_EXHAUSTED', `Coupon ${coupon.code} has been used as many times as it allows`);
  if (usedByCustomer) return refused('COUPON_ALREADY_USED', `You have already used coupon ${coupon.code}`);
  return { applies: true, percentOff: coupon.percentOff };
}

const refused = (rule: CouponRule, message: string): CouponStanding => ({ applies: false, rule, message });
