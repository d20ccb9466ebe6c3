import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { customerAddressSnapshotSchema } from './address-snapshot.js';

/**
 * Fires when a customer adds an address to their address book. When it also became the
 * default, CustomerDefaultAddressChanged follows in the same transaction.
 */
export const CustomerAddressAdded = defineEvent({
  context: 'customers',
  type: 'CustomerAddressAdded',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    address: customerAddressSnapshotSchema,
  }),
});
