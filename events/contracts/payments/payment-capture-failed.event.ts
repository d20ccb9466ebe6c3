import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a capture cannot happen or failed for good: "authorization expired" (the 7-day hold
 * lapsed), an amount above the authorization or in another currency, a payment that is not
 * authorized (failed, voided), or a gateway failure after the retry matrix's attempts. The
 * payment keeps its status (an authorization is still there to void).
 * Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const PaymentCaptureFailed = defineEvent({
  context: 'payments',
  type: 'PaymentCaptureFailed',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    reason: z.string().min(1),
    /** Gateway calls made for this capture (0 when it was refused before calling the gateway). */
    attempts: z.number().int().nonnegative().optional(),
  }),
});
