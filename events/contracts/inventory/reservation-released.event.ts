import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order's reserved or committed units went back to available on
 * ReservationReleaseRequested (compensation, cancellation before shipping). Also fires when a
 * release arrived before any reservation (reservationId/warehouseId null, nothing held), and again
 * when such an order's reservation request arrives late. A repeated release — or a release of an
 * order whose reservation failed or expired (nothing held: previousStatus null) — changes nothing
 * and announces this again; so does a reservation request for an already released order.
 * Expiry has its own event, ReservationExpired.
 * Envelope: correlationId = orderId, causationId = the request's id.
 */
export const ReservationReleased = defineEvent({
  context: 'inventory',
  type: 'ReservationReleased',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reservationId: z.string().uuid().nullable(),
    warehouseId: z.string().nullable(),
    reason: z.string(),
    /** What the units were before the release; null when nothing was held. */
    previousStatus: z.enum(['RESERVED', 'COMMITTED']).nullable(),
  }),
});
