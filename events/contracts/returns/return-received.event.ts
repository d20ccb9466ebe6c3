import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when the warehouse received and inspected a return's parcel (`receiveReturn`). Inventory
 * puts the accepted units back into sellable stock at the order's warehouse (movement RETURNED);
 * the rest were written off by returns. Envelope: customerId = the customer, correlationId = orderId.
 */
export const ReturnReceived = defineEvent({
  context: 'returns',
  type: 'ReturnReceived',
  version: 1,
  schema: z.object({
    returnId: z.string().uuid(),
    orderId: z.string().uuid(),
    /** The warehouse that shipped the order, where its returned units go back on the shelf. */
    warehouseId: z.string(),
    items: z
      .array(
        z.object({
          sku: z.string(),
          /** Units in the parcel. */
          quantity: z.number().int().positive(),
          /** Units in sellable condition: restocked. */
          acceptedQuantity: z.number().int().nonnegative(),
        }),
      )
      .min(1),
    receivedAt: z.string().datetime({ offset: true }),
  }),
});
