import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { alertKindSchema } from './alert-raised.event.js';

/**
 * Fires once when an alert passed its review target still OPEN (SPEC §6: staff review ON_HOLD
 * orders within 1 hour), judged by the database clock. Envelope: correlationId = the order id.
 */
export const AlertEscalated = defineEvent({
  context: 'operations',
  type: 'AlertEscalated',
  version: 1,
  schema: z.object({
    alertId: z.string().uuid(),
    kind: alertKindSchema,
    orderId: z.string().uuid().nullable(),
    raisedAt: z.string().datetime({ offset: true }),
    escalatedAt: z.string().datetime({ offset: true }),
  }),
});
