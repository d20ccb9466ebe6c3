import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order's parcel left the warehouse with a carrier: dispatched by warehouse staff
 * (`dispatchShipment`) or reported in transit by the carrier. Moves the order to SHIPPED and sends
 * the shipment e-mail. Recorded with ReservationShipRequested in the same transaction.
 * Envelope: customerId = the order's customer, correlationId = orderId.
 */
export const ShipmentDispatched = defineEvent({
  context: 'fulfillment',
  type: 'ShipmentDispatched',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().uuid(),
    warehouseId: z.string(),
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
    dispatchedAt: z.string().datetime({ offset: true }),
  }),
});
