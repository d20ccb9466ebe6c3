import type { CartItemResolvers, CartResolvers } from '../__generated__/resolvers-types.js';
import { expiresAtOf, itemCountOf, lineTotalOf, subtotalOf } from '../domain/cart.js';
import { discountOf } from '../domain/coupon.js';
import { appliedCouponOf } from '../store/cart.entity.js';

/** Derived fields of a cart; `expiresAt` needs the configured guest lifetime. */
export function createCartResolvers(settings: { guestTtlMs: number }): CartResolvers {
  return {
    items: (cart) => cart.lines,
    itemCount: (cart) => itemCountOf(cart),
    subtotal: (cart) => subtotalOf(cart.lines),
    // only an ACTIVE cart can still expire
    expiresAt: (cart) => (cart.status === 'ACTIVE' ? expiresAtOf(cart, cart.updatedAt, settings.guestTtlMs) : null),
    customer: (cart) => (cart.ownerKind === 'CUSTOMER' ? { __typename: 'Customer', id: cart.ownerId } : null),
    coupon: (cart) => (cart.couponCode ? { __typename: 'Coupon', code: cart.couponCode } : null),
    discount: (cart) => discountOf(cart.lines, appliedCouponOf(cart)),
  };
}

export const cartItemResolvers: CartItemResolvers = {
  product: (line) => ({ __typename: 'Product', sku: line.sku }),
  lineTotal: (line) => lineTotalOf(line),
};
