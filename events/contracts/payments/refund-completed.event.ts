import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a refund reached the customer's payment method (answer to RefundRequested), and
 * again, identical, for a repeated request with the same refundId (never refunded twice). Also
 * when staff settle an escalated refund: a successful retryRefund, or recordManualRefund.
 * Envelope: customerId = the customer, correlationId = orderId, causationId = the request's id.
 */
export const RefundCompleted = defineEvent({
  context: 'payments',
  type: 'RefundCompleted',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    paymentId: z.string().uuid(),
    refundId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
    /** Everything refunded on the payment so far, this refund included. */
    totalRefundedCents: z.number().int().positive().optional(),
    /**
     * Set when staff recorded the refund as made outside the provider (bank transfer, cheque) after
     * it was escalated: their reference. The refund counts as completed all the same.
     */
    manualReference: z.string().min(1).optional(),
  }),
});
