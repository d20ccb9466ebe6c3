import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a customer asks to reset a forgotten password (never for an unknown e-mail). The
 * notifications context e-mails `resetUrl`, which carries the only copy of the single-use token
 * (customers keeps its hash); the link stops working at `expiresAt` or after one use.
 */
export const PasswordResetRequested = defineEvent({
  context: 'customers',
  type: 'PasswordResetRequested',
  version: 1,
  schema: z.object({
    customerId: z.string().uuid(),
    email: z.string().min(3).max(256),
    firstName: z.string().min(1).max(100),
    resetUrl: z.string().url(),
    expiresAt: z.string().datetime({ offset: true }),
  }),
});
