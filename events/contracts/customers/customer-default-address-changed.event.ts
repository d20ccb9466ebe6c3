import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a customer's default address changes: the first address added, another address
 * chosen as default, or the default removed (then the oldest remaining address, or none).
 */
export const CustomerDefaultAddressChanged = defineEvent({
  context: 'customers',
  type: 'CustomerDefaultAddressChanged',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    /** Null when the customer's last address was removed. */
    addressId: z.string().uuid().nullable(),
    previousAddressId: z.string().uuid().nullable(),
  }),
});
