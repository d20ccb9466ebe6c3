import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an e-mail could not be delivered for good: after its last scheduled attempt (SPEC §10:
 * 3 attempts, after 5 and 30 minutes), or at once when the SMTP server refused the recipient
 * permanently (5xx). Operations turns it into an alert for staff.
 * Envelope: customerId = the recipient customer (if known), correlationId = orderId (if any).
 */
export const NotificationFailed = defineEvent({
  context: 'notifications',
  type: 'NotificationFailed',
  version: 1,
  schema: z.object({
    notificationId: z.string().uuid(),
    kind: z.string().min(1),
    /** Recipient e-mail address. */
    to: z.string().min(1),
    orderId: z.string().uuid().nullable(),
    attempts: z.number().int().positive(),
    /** The SMTP server's last answer, or the connection error. */
    error: z.string().min(1),
    /** True for a permanent refusal (5xx): no retry was or will be made. */
    permanent: z.boolean(),
  }),
});
