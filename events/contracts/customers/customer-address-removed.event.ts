import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a customer removes an address from their address book. Removing the default
 * promotes another address, announced by CustomerDefaultAddressChanged in the same transaction.
 */
export const CustomerAddressRemoved = defineEvent({
  context: 'customers',
  type: 'CustomerAddressRemoved',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    addressId: z.string().uuid(),
  }),
});
