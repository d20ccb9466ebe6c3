import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/** Fires when someone registers a customer account (and for seeded demo customers). */
export const CustomerRegistered = defineEvent({
  context: 'customers',
  type: 'CustomerRegistered',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    email: z.string().min(3).max(256),
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    registeredAt: z.string().datetime({ offset: true }),
  }),
});
