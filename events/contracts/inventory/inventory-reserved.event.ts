import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { reservationLineSchema } from './reservation-line.js';

/**
 * Fires when every line of an order is held at one warehouse (the nearest that could hold them
 * all) in answer to InventoryReservationRequested — and again, identical, when the same order is
 * requested again while its units are reserved, committed or shipped (a released or expired order
 * gets ReservationReleased / ReservationExpired instead). The units stay reserved until
 * `expiresAt` unless committed first.
 * Envelope: correlationId = orderId, causationId = the request's id.
 */
export const InventoryReserved = defineEvent({
  context: 'inventory',
  type: 'InventoryReserved',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reservationId: z.string().uuid(),
    warehouseId: z.string(),
    /** One line per SKU (repeated SKUs of the request summed), upper-case SKUs. */
    lines: z.array(reservationLineSchema).min(1),
    expiresAt: z.string().datetime({ offset: true }),
  }),
});
