import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when staff deactivated a coupon (`deactivateCoupon`, once per coupon): carts refuse it from
 * then on, and checkouts carrying it are placed without it only with the customer's acknowledgement.
 * Envelope: correlationId = the code.
 */
export const CouponDeactivated = defineEvent({
  context: 'promotions',
  type: 'CouponDeactivated',
  version: 1,
  schema: z.object({
    code: z.string().min(1),
    deactivatedAt: z.string().datetime({ offset: true }),
  }),
});
