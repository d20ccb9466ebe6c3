import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Published by orders when a checkout ends — the order was placed (COMPLETED; the order keeps
 * its own copy of the address) or the checkout was ABANDONED — so the checkout no longer holds
 * any saved address. Orders may publish it for every checkout that ends, whether or not it had
 * selected a saved address; `addressId` is the one it last held, if any (informational).
 */
export const CheckoutAddressReleased = defineEvent({
  context: 'orders',
  type: 'CheckoutAddressReleased',
  version: 1,
  schema: z.object({
    checkoutId: z.string().uuid(),
    customerId: z.string().uuid(),
    addressId: z.string().uuid().nullable(),
    outcome: z.enum(['COMPLETED', 'ABANDONED']),
  }),
});
