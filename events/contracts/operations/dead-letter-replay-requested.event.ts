import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * An ADMIN asked for a dead letter to be handed to its handler again. Operations cannot read other
 * contexts' schemas; the owning context's messaging kit consumes this, re-runs the stored message
 * through the handler's inbox (already handled → nothing changes) and answers with
 * DeadLetterReplayed, or MessageDeadLettered again when the handler still fails.
 */
export const DeadLetterReplayRequested = defineEvent({
  context: 'operations',
  type: 'DeadLetterReplayRequested',
  version: 1,
  schema: z.object({
    deadLetterId: z.string().uuid(),
    /** The context that owns the dead letter; every other context ignores the request. */
    context: z.string().min(1),
    requestedBy: z.string().min(1),
  }),
});
