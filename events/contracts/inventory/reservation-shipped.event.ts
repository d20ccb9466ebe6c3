import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order's committed units left the warehouse (on ReservationShipRequested). The
 * reservation is finished. A repeated request changes nothing and announces this again.
 * Envelope: correlationId = orderId, causationId = the request's id.
 */
export const ReservationShipped = defineEvent({
  context: 'inventory',
  type: 'ReservationShipped',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reservationId: z.string().uuid(),
    warehouseId: z.string(),
  }),
});
