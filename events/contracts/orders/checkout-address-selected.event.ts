import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Published by orders when a checkout in progress gets its shipping address: `addressId` is the
 * saved address chosen, or null when the customer typed an inline address instead (which frees
 * any saved address the checkout held before). The customers context keeps a projection of
 * which saved addresses checkouts in progress hold, so that such an address cannot be removed.
 * The latest selection per checkout wins (compared by the envelope's occurredAt).
 */
export const CheckoutAddressSelected = defineEvent({
  context: 'orders',
  type: 'CheckoutAddressSelected',
  version: 1,
  schema: z.object({
    checkoutId: z.string().uuid(),
    customerId: z.string().uuid(),
    addressId: z.string().uuid().nullable(),
  }),
});
