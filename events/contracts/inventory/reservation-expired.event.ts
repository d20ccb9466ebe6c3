import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a reservation was not committed within RESERVATION_TTL_MS (30 min by default) and
 * the expiry job put its units back to available. A later commit of it is rejected (EXPIRED); a
 * later reservation request for the order announces this again (causationId = that request).
 * Envelope: correlationId = orderId, causationId = null (the database clock caused it).
 */
export const ReservationExpired = defineEvent({
  context: 'inventory',
  type: 'ReservationExpired',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reservationId: z.string().uuid(),
    warehouseId: z.string(),
    expiredAt: z.string().datetime({ offset: true }),
  }),
});
