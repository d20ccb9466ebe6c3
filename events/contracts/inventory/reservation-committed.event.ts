import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order's reserved units became committed (after payment capture, on
 * ReservationCommitRequested). Committed units no longer expire. A repeated commit request (or one
 * arriving after shipping) changes nothing and announces this again. Envelope: correlationId = orderId, causationId = the request's id.
 */
export const ReservationCommitted = defineEvent({
  context: 'inventory',
  type: 'ReservationCommitted',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reservationId: z.string().uuid(),
    warehouseId: z.string(),
  }),
});
