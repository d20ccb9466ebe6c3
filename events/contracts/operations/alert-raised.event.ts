import { z } from 'zod';
import { defineEvent } from '../../contract.js';

export const alertKindSchema = z.enum(['ORDER_ON_HOLD', 'REFUND_ESCALATED', 'DELIVERY_FAILED', 'LOW_STOCK', 'MESSAGE_DEAD_LETTERED', 'NOTIFICATION_FAILED']);

/**
 * Fires when operations opens an alert (never for a cause that already has one open). Feeds the
 * staff-only `alertRaised` subscription. Envelope: correlationId = the order id for order alerts.
 */
export const AlertRaised = defineEvent({
  context: 'operations',
  type: 'AlertRaised',
  version: 1,
  schema: z.object({
    alertId: z.string().uuid(),
    kind: alertKindSchema,
    subject: z.string().min(1),
    summary: z.string().min(1),
    orderId: z.string().uuid().nullable(),
    sku: z.string().nullable(),
    raisedAt: z.string().datetime({ offset: true }),
  }),
});
