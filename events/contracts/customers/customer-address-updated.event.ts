import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { customerAddressSnapshotSchema } from './address-snapshot.js';

/**
 * Fires when a customer edits a saved address (the snapshot is the address after the edit,
 * re-verified). A default switch made by the same edit follows as CustomerDefaultAddressChanged.
 */
export const CustomerAddressUpdated = defineEvent({
  context: 'customers',
  type: 'CustomerAddressUpdated',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    address: customerAddressSnapshotSchema,
  }),
});
