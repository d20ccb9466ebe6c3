import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when both the reservation and the authorization of an order succeeded (step 2 of the
 * saga): payments captures the authorized amount and answers PaymentCaptured or
 * PaymentCaptureFailed. Envelope: customerId = the customer, correlationId = orderId.
 */
export const PaymentCaptureRequested = defineEvent({
  context: 'orders',
  type: 'PaymentCaptureRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
  }),
});
