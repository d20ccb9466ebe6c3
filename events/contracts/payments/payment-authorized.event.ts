import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order total is held on the customer's payment method (answer to
 * PaymentAuthorizationRequested), and again, identical, when the same order is requested again
 * while its payment is authorized or further along: a repeated request never charges twice. The
 * hold lapses at `authorizationExpiresAt` (7 days); capturing after that fails.
 * Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const PaymentAuthorized = defineEvent({
  context: 'payments',
  type: 'PaymentAuthorized',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
    authorizationExpiresAt: z.string().datetime({ offset: true }),
  }),
});
