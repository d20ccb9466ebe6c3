import { handle, type EventHandler } from '../../../events/consumer.js';
import { deadLetterReplayed, messageDeadLettered } from '../../../events/contracts/messaging/message-dead-lettered.event.js';
import { CONTEXT_NAMES } from '../../../platform/contexts.js';
import { recordDeadLetterCopy, recordDeadLetterReplayed } from '../use-cases/dead-letters.js';
import type { OperationsDeps } from '../use-cases/scope.js';

/**
 * Every context's kit announces its dead letters (and their replays) on its own stream: one pair
 * of handlers per context of the registry keeps operations' copy and the alerts in step.
 */
export function deadLetterHandlers(deps: Pick<OperationsDeps, 'eventNamespace'>): EventHandler[] {
  return CONTEXT_NAMES.flatMap((context) => [
    handle(messageDeadLettered(context), { name: `copy-dead-letter-of-${context}` }, async (event, { em, log }) => {
      const outcome = await recordDeadLetterCopy(deps, em, event.payload, event.id);
      log.warn({ context, deadLetterId: event.payload.deadLetterId, handler: event.payload.handler, outcome }, 'message dead-lettered');
    }),
    handle(deadLetterReplayed(context), { name: `mark-dead-letter-replayed-in-${context}` }, async (event, { em }) => {
      await recordDeadLetterReplayed(em, event.payload);
    }),
  ]);
}
