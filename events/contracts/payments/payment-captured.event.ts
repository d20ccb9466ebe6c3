import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an authorized payment is captured (answer to PaymentCaptureRequested), and again,
 * identical, for a repeated capture request of a payment already captured (nothing is charged
 * twice). `amountCents` is what was captured: at most the authorized amount.
 * Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const PaymentCaptured = defineEvent({
  context: 'payments',
  type: 'PaymentCaptured',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
  }),
});
