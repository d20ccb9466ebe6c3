import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { orderStatusSchema } from './order-shapes.js';

/**
 * Fires on every change of an order's status, in the transaction that changed it (PLACED on
 * placement, with previousStatus null). Drives the `orderUpdated` subscription and e-mails.
 * Envelope: customerId = the order's customer (the gateway scopes notifications by it),
 * correlationId = orderId.
 */
export const OrderStatusChanged = defineEvent({
  context: 'orders',
  type: 'OrderStatusChanged',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string(),
    status: orderStatusSchema,
    previousStatus: orderStatusSchema.nullable(),
    /** E.g. PAYMENT_DECLINED, OUT_OF_STOCK, CONFIRMATION_TIMEOUT, or the customer's reason. */
    reason: z.string().max(500).nullish(),
    occurredAt: z.string().datetime({ offset: true }),
    /**
     * This change's place in the order's status history (1 = PLACED), as kept in orders'
     * `order_status_change`: the gateway turns it into `OrderUpdated.cursor` and resumes after it.
     * Optional only because events recorded before it existed carry none.
     */
    sequence: z.number().int().positive().optional(),
  }),
});
