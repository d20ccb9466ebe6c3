import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the saga compensates an order whose payment was (or may yet be) authorized but not
 * captured: out of stock, cancellation, timeout → ON_HOLD, a late authorization of a finished
 * order. Payments releases the hold and answers PaymentVoided. A void that overtakes the
 * authorization request should be remembered by payments, so the late request charges nothing.
 * Envelope: customerId = the customer, correlationId = orderId.
 */
export const PaymentVoidRequested = defineEvent({
  context: 'orders',
  type: 'PaymentVoidRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    /** Why, e.g. OUT_OF_STOCK, CANCELLED, ON_HOLD, LATE_AUTHORIZATION. */
    reason: z.string().min(1).max(200),
  }),
});
