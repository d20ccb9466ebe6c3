import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a refund failed for good, to be escalated to staff (PO): after 3 gateway attempts
 * with back-off, at once for a failure the provider calls final, or without a gateway call when
 * the refund is impossible (more than what is left of the capture, nothing captured).
 * Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const RefundFailed = defineEvent({
  context: 'payments',
  type: 'RefundFailed',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    refundId: z.string().uuid(),
    reason: z.string().min(1),
    attempts: z.number().int().nonnegative(),
  }),
});
