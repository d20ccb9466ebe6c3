import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { shippingAddressSchema, shippingMethodSchema } from './order-shapes.js';

/**
 * Fires when an order is CONFIRMED (paid, stock committed): fulfillment opens one shipment for
 * it at the warehouse that holds the reservation. Envelope: customerId = the customer,
 * correlationId = orderId.
 */
export const FulfillmentRequested = defineEvent({
  context: 'orders',
  type: 'FulfillmentRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string(),
    warehouseId: z.string(),
    reservationId: z.string().uuid(),
    items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1),
    shippingAddress: shippingAddressSchema,
    shippingMethod: shippingMethodSchema,
  }),
});
