import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the order saga needs stock for a placed order (step 1 of the happy path, beside the
 * payment authorization). Inventory answers with InventoryReserved or InventoryReservationFailed;
 * a repeated request for the same order re-announces the first answer. Envelope: correlationId
 * = orderId, customerId = the ordering customer.
 */
export const InventoryReservationRequested = defineEvent({
  context: 'orders',
  type: 'InventoryReservationRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string().uuid(),
    lines: z
      .array(z.object({ sku: z.string().min(1).max(24), quantity: z.number().int().positive().max(999) }))
      .min(1)
      .max(100),
    /** The shipping address's region: a two-letter US state for domestic orders. */
    shippingRegion: z.string().max(50),
    /** ISO 3166-1 alpha-2. */
    shippingCountry: z.string().length(2),
  }),
});
