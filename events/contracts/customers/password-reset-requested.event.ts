import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when someone asks for a password reset of an existing account (nothing fires for an unknown
 * e-mail). The single-use link carries the only copy of the raw token (customers keeps its hash);
 * notifications e-mails it. Envelope: customerId = the account.
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
