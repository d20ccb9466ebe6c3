import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the saga compensates an order before it shipped (payment failed, timeout → ON_HOLD,
 * cancellation, a late reservation of a finished order): inventory puts the order's reserved or
 * committed units back to available and answers ReservationReleased. A release that overtakes
 * the reservation request is remembered, so the late request takes no stock.
 */
export const ReservationReleaseRequested = defineEvent({
  context: 'orders',
  type: 'ReservationReleaseRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    /** Why, for the movement log and the answer, e.g. PAYMENT_DECLINED, CANCELLED, ON_HOLD. */
    reason: z.string().min(1).max(200),
  }),
});
