import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a commit, ship or release request cannot apply to the order's reservation: commit of
 * an expired or released one, ship before commit, release after shipping, commit or ship of an
 * order inventory never reserved. Nothing changed; the saga decides what to do (e.g. refund).
 * Envelope: correlationId = orderId, causationId = the request's id.
 */
export const ReservationChangeRejected = defineEvent({
  context: 'inventory',
  type: 'ReservationChangeRejected',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    requested: z.enum(['COMMIT', 'SHIP', 'RELEASE']),
    /** The reservation's status; null when there is none. */
    status: z.enum(['RESERVED', 'COMMITTED', 'SHIPPED', 'RELEASED', 'EXPIRED', 'FAILED']).nullable(),
    reason: z.enum(['NOT_FOUND', 'NOT_COMMITTED', 'ALREADY_SHIPPED', 'RELEASED', 'EXPIRED', 'OUT_OF_STOCK']),
  }),
});
