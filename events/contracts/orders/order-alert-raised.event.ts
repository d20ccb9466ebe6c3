import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order needs a person (SPEC §10 alerts): it went ON_HOLD (not confirmed in time),
 * a refund failed all its attempts (escalated), delivery failed, a capture failed, or a
 * compensation could not be done (e.g. a parcel dispatched for a cancelled order). For the staff
 * alert list and e-mails. Envelope: customerId = the customer, correlationId = orderId.
 */
export const OrderAlertRaised = defineEvent({
  context: 'orders',
  type: 'OrderAlertRaised',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string(),
    kind: z.enum(['ORDER_ON_HOLD', 'REFUND_ESCALATED', 'DELIVERY_FAILED', 'PAYMENT_CAPTURE_FAILED', 'LATE_EVENT_COMPENSATED', 'COMPENSATION_FAILED']),
    detail: z.string().max(1000),
    raisedAt: z.string().datetime({ offset: true }),
  }),
});
