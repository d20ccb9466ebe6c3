import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order that redeemed a coupon was cancelled: the redemption is given back (the
 * coupon's count drops, and the customer may use the coupon again).
 * Envelope: customerId = the customer, correlationId = orderId.
 */
export const CouponRedemptionReleased = defineEvent({
  context: 'orders',
  type: 'CouponRedemptionReleased',
  version: 1,
  schema: z.object({
    code: z.string().min(1),
    orderId: z.string().uuid(),
    customerId: z.string(),
    releasedAt: z.string().datetime({ offset: true }),
  }),
});
