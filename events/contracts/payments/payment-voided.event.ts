import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an uncaptured authorization is released (answer to PaymentVoidRequested), and again
 * for a repeated void. A void that overtook the authorization request leaves a VOIDED payment
 * with nothing held (`authorized: false`), so the late request charges nothing and re-announces
 * this event. Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const PaymentVoided = defineEvent({
  context: 'payments',
  type: 'PaymentVoided',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    /** False when nothing was ever authorized (the void came first, or the authorization had failed). */
    authorized: z.boolean().optional(),
  }),
});
