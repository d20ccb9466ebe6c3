import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the parcel reached the customer (also after DeliveryFailed, when the held parcel is
 * delivered after all). Moves the order to DELIVERED. Envelope: customerId = the order's customer,
 * correlationId = orderId.
 */
export const ShipmentDelivered = defineEvent({
  context: 'fulfillment',
  type: 'ShipmentDelivered',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().uuid(),
    deliveredAt: z.string().datetime({ offset: true }),
  }),
});
