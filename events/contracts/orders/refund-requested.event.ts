import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the saga compensates an order whose payment was captured: cancellation, timeout →
 * ON_HOLD, out of stock after capture, a late capture of a finished order. Refunds are
 * automatic (PO); payments answers RefundCompleted, or RefundFailed after its attempts, which
 * orders escalates to staff. `refundId` is minted by orders and is the refund's idempotency key.
 * Envelope: customerId = the customer, correlationId = orderId.
 */
export const RefundRequested = defineEvent({
  context: 'orders',
  type: 'RefundRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    refundId: z.string().uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
    reason: z.string().min(1).max(200),
  }),
});
