import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/** Fires when a customer changes their profile (names); carries the whole profile, so a projection just replaces it. */
export const CustomerProfileUpdated = defineEvent({
  context: 'customers',
  type: 'CustomerProfileUpdated',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    email: z.string().min(3).max(256),
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
  }),
});
