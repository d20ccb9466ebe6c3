import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a received return has money to give back: a partial refund of the order's payment.
 * Payments answers as for orders' RefundRequested (RefundCompleted, or RefundFailed after its
 * attempts); returns marks the return REFUNDED on RefundCompleted for `refundId`. `refundId` is
 * minted by returns and is the refund's idempotency key. Envelope: customerId = the customer,
 * correlationId = orderId.
 */
export const ReturnRefundRequested = defineEvent({
  context: 'returns',
  type: 'ReturnRefundRequested',
  version: 1,
  schema: z.object({
    returnId: z.string().uuid(),
    orderId: z.string().uuid(),
    refundId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
    reason: z.string().min(1).max(200),
  }),
});
