import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when `placeOrder` redeemed a coupon for an order, in the placement's transaction. Orders
 * decides redemptions (one counter per coupon, under a row lock); promotions projects them into
 * the coupon's `redemptions` and cart into "already used by this customer".
 * Envelope: customerId = the customer, correlationId = orderId.
 */
export const CouponRedeemed = defineEvent({
  context: 'orders',
  type: 'CouponRedeemed',
  version: 1,
  schema: z.object({
    code: z.string().min(1),
    orderId: z.string().uuid(),
    customerId: z.string(),
    discountCents: z.number().int().nonnegative(),
    currency: z.string().length(3),
    redeemedAt: z.string().datetime({ offset: true }),
  }),
});
