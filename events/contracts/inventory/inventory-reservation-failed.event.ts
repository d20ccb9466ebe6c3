import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when no single warehouse can hold every line of an order (no partial fulfilment, no
 * split shipments), in answer to InventoryReservationRequested — and again, identical, when the
 * same order is requested again. No stock was taken.
 * Envelope: correlationId = orderId, causationId = the request's id.
 */
export const InventoryReservationFailed = defineEvent({
  context: 'inventory',
  type: 'InventoryReservationFailed',
  version: 1,
  schema: z.object({
    orderId: z.string(),
    reason: z.literal('OUT_OF_STOCK'),
    /** The lines the best-placed warehouse lacks; bestAvailable = most units any one warehouse has. */
    unavailable: z.array(z.object({ sku: z.string(), requested: z.number().int(), bestAvailable: z.number().int() })).min(1),
  }),
});
