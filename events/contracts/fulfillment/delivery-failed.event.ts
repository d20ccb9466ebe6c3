import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires after the third failed delivery attempt (PO, SPEC §8): the parcel is held at the carrier
 * and customer service is alerted to call the customer. Envelope: customerId = the order's
 * customer, correlationId = orderId.
 */
export const DeliveryFailed = defineEvent({
  context: 'fulfillment',
  type: 'DeliveryFailed',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().uuid(),
    attempts: z.number().int().positive(),
  }),
});
