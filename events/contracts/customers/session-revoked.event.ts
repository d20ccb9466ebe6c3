import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when sessions stop being valid before their tokens expire: one session (`logout`:
 * `sessionId` set), or every session of `subject` issued before `issuedBefore` except
 * `exceptSessionId` (password change or reset). Every process that verifies tokens holds these in
 * memory until `expiresAt`, when the tokens concerned would have expired anyway.
 */
export const SessionRevoked = defineEvent({
  context: 'customers',
  type: 'SessionRevoked',
  version: 1,
  schema: z.object({
    subject: z.string().min(1),
    sessionId: z.string().uuid().nullable(),
    issuedBefore: z.string().datetime({ offset: true }).nullable(),
    exceptSessionId: z.string().uuid().nullable(),
    expiresAt: z.string().datetime({ offset: true }),
  }),
});
