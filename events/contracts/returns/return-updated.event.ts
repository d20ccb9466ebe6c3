import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { returnReasonSchema, returnStatusSchema } from './return-shapes.js';

/**
 * Fires at every step of a return, in the transaction that made it: requested (status REQUESTED
 * when customer service must look at it, APPROVED when approved at once), approved, rejected,
 * received, refunded, and when its refund failed (status stays RECEIVED, `refund.status` FAILED).
 * The whole return each time, with the amounts exactly as the return shows them, so a consumer
 * never needs an earlier message: notifications e-mails the customer (RETURN_UPDATED), orders
 * adds the step to the order's timeline and keeps the order open while a return is.
 * `sequence` counts the return's changes from 1: a consumer keeps the highest it has seen.
 * Envelope: customerId = the order's customer, correlationId = orderId.
 */
export const ReturnUpdated = defineEvent({
  context: 'returns',
  type: 'ReturnUpdated',
  version: 1,
  schema: z.object({
    returnId: z.string().uuid(),
    orderId: z.string().uuid(),
    customerId: z.string(),
    status: returnStatusSchema,
    previousStatus: returnStatusSchema.nullable(),
    sequence: z.number().int().positive(),
    /** Whether the return is still open (an order with an open return does not close). */
    open: z.boolean(),
    items: z
      .array(
        z.object({
          sku: z.string(),
          name: z.string(),
          quantity: z.number().int().positive(),
          reason: returnReasonSchema,
          unitPriceCents: z.number().int().nonnegative(),
          /** Set once the warehouse inspected the parcel. */
          acceptedQuantity: z.number().int().nonnegative().nullable(),
        }),
      )
      .min(1),
    currency: z.string().length(3),
    restockingFeeCents: z.number().int().nonnegative(),
    /** An estimate until the return is RECEIVED; then what is (or was) refunded. */
    refundCents: z.number().int().nonnegative(),
    /** The prepaid return label, once approved. */
    label: z.object({ carrier: z.string(), trackingNumber: z.string(), labelUrl: z.string().url() }).nullable(),
    rejectionReason: z.string().nullable(),
    refund: z
      .object({
        refundId: z.string().uuid(),
        status: z.enum(['REQUESTED', 'COMPLETED', 'FAILED']),
        failureReason: z.string().nullable(),
      })
      .nullable(),
    occurredAt: z.string().datetime({ offset: true }),
  }),
});
