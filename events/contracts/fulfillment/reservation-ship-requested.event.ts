import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order's shipment left the reserving warehouse: inventory moves the committed
 * units to shipped and answers ReservationShipped. Fulfillment records it with ShipmentDispatched,
 * in the same transaction, so inventory needs no knowledge of shipments.
 * Envelope: customerId = the order's customer, correlationId = orderId.
 */
export const ReservationShipRequested = defineEvent({
  context: 'fulfillment',
  type: 'ReservationShipRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
  }),
});
