import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires once per order, when fulfillment opened the order's shipment (on FulfillmentRequested) and
 * assigned it to the warehouse that holds the reservation. A repeated request announces nothing.
 * Envelope: customerId = the order's customer, correlationId = orderId.
 */
export const ShipmentAssigned = defineEvent({
  context: 'fulfillment',
  type: 'ShipmentAssigned',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().uuid(),
    warehouseId: z.string(),
  }),
});
