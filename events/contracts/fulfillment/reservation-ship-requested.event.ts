import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order's shipment left the reserving warehouse: inventory moves the committed
 * units to shipped and answers ReservationShipped. Stands in until fulfillment publishes its own
 * ShipmentDispatched, which inventory will then consume instead.
 */
export const ReservationShipRequested = defineEvent({
  context: 'fulfillment',
  type: 'ReservationShipRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
  }),
});
