import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires on each failed delivery attempt of a dispatched parcel (reported by the carrier or recorded
 * by staff); `attempt` counts from 1. The third one is followed by DeliveryFailed.
 * Envelope: customerId = the order's customer, correlationId = orderId.
 */
export const DeliveryAttemptFailed = defineEvent({
  context: 'fulfillment',
  type: 'DeliveryAttemptFailed',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().uuid(),
    attempt: z.number().int().positive(),
    reason: z.string(),
  }),
});
