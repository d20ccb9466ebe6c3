import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when staff created a coupon (`createCoupon`), in the same transaction. Cart (applying) and
 * orders (redeeming) project it; a coupon's code, percentage, expiry and limit never change after.
 * Envelope: correlationId = the code.
 */
export const CouponCreated = defineEvent({
  context: 'promotions',
  type: 'CouponCreated',
  version: 1,
  schema: z.object({
    /** Normalised (upper case). */
    code: z.string().min(1),
    description: z.string(),
    percentOff: z.number().int().min(1).max(100),
    validUntil: z.string().datetime({ offset: true }).nullable(),
    maxRedemptions: z.number().int().positive().nullable(),
    createdAt: z.string().datetime({ offset: true }),
  }),
});
