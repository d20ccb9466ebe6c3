import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { Cart, CartLine, CartStatus, OwnerKind } from '../domain/cart.js';
import type { AppliedCoupon } from '../domain/coupon.js';

/** A row of `cart.cart`: the aggregate, its lines as JSON. */
export interface CartRecord {
  id: string;
  ownerKind: OwnerKind;
  ownerId: string;
  status: CartStatus;
  lines: CartLine[];
  /** Set when the cart was checked out (the checkout orders builds from CheckoutInitiated). */
  checkoutId: string | null;
  /** The coupon applied (applyCoupon): its normalised code and percentage; both null without one. */
  couponCode: string | null;
  couponPercentOff: number | null;
  createdAt: Date & Opt;
  /** The last change; a guest cart expires a fixed time after it. */
  updatedAt: Date & Opt;
  /** Bumped by every write: a write decided on a copy goes in only over the version it was decided on. */
  version: number & Opt;
}

export const CartEntity = new EntitySchema<CartRecord>({
  name: 'Cart',
  tableName: 'cart',
  properties: {
    id: { type: 'uuid', primary: true },
    ownerKind: { type: 'text', fieldName: 'owner_kind' },
    ownerId: { type: 'text', fieldName: 'owner_id' },
    status: { type: 'text' },
    lines: { type: 'json' },
    checkoutId: { type: 'uuid', fieldName: 'checkout_id', nullable: true },
    couponCode: { type: 'text', fieldName: 'coupon_code', nullable: true },
    couponPercentOff: { type: 'integer', fieldName: 'coupon_percent_off', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date() },
    version: { type: 'integer', default: 1 },
  },
});

/** The domain's view of a stored cart. */
export function toCart(record: CartRecord): Cart {
  return {
    id: record.id,
    ownerKind: record.ownerKind,
    ownerId: record.ownerId,
    status: record.status,
    lines: record.lines.map((line) => ({ ...line, unitPrice: { ...line.unitPrice } })),
  };
}

/** The coupon on a stored cart, if any. */
export function appliedCouponOf(record: Pick<CartRecord, 'couponCode' | 'couponPercentOff'>): AppliedCoupon | null {
  return record.couponCode && record.couponPercentOff ? { code: record.couponCode, percentOff: record.couponPercentOff } : null;
}
