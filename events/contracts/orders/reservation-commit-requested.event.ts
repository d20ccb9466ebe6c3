import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order's payment was captured: the saga asks inventory to turn the order's
 * reservation into committed stock (it stops expiring). Inventory answers ReservationCommitted,
 * or ReservationChangeRejected when the reservation is gone (released, expired, never made).
 */
export const ReservationCommitRequested = defineEvent({
  context: 'orders',
  type: 'ReservationCommitRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
  }),
});
