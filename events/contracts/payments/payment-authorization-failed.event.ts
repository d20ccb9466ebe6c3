import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires once an authorization has failed for good: at once for a decline, or after the retry
 * matrix's attempts (3, with back-off) for transient failures (timeouts, provider errors). Never
 * fires for a failure that will still be retried. A repeated request for the same order re-announces it.
 * `retriable` tells whether the last failure was of the transient kind (the customer may try the
 * same card later) or a decline (use another card). Envelope as PaymentAuthorized.
 */
export const PaymentAuthorizationFailed = defineEvent({
  context: 'payments',
  type: 'PaymentAuthorizationFailed',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    reason: z.string().min(1),
    retriable: z.boolean(),
    /** Gateway calls made for the authorization, retries included. */
    attempts: z.number().int().nonnegative(),
  }),
});
