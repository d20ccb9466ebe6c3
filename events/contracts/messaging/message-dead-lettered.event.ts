import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../../contract.js';

/**
 * Published by the messaging kit of EVERY context, through that context's own outbox and stream
 * (`<ns>.<context>.message-dead-lettered.v1`), in the transaction that records a dead letter: a
 * handler gave up on a message, or a message failed validation. The dead letter itself stays in
 * the failing context's schema; operations keeps a copy to list and alert on.
 */
const messageDeadLetteredSchema = z.object({
  /** The dead letter's row id in the failing context (stable across repeated failures). */
  deadLetterId: z.string().uuid(),
  context: z.string().min(1),
  handler: z.string().min(1),
  subject: z.string().min(1),
  /** The failed message's envelope id (or the transport's id for unparseable bytes). */
  eventId: z.string().min(1),
  error: z.string(),
  attempts: z.number().int().nonnegative(),
  failedAt: z.string().datetime({ offset: true }),
  /** The message as JSON (the envelope, or the raw bytes when they were not JSON). */
  payload: z.string(),
});

/**
 * Published by the owning context's kit when a dead letter was handed to its handler again
 * (outcome `processed`) or found already handled (`duplicate`).
 */
const deadLetterReplayedSchema = z.object({
  deadLetterId: z.string().uuid(),
  context: z.string().min(1),
  outcome: z.enum(['processed', 'duplicate']),
  replayedAt: z.string().datetime({ offset: true }),
});

export type MessageDeadLetteredPayload = z.output<typeof messageDeadLetteredSchema>;
export type DeadLetterReplayedPayload = z.output<typeof deadLetterReplayedSchema>;

const deadLettered = new Map<string, EventDefinition<'MessageDeadLettered', MessageDeadLetteredPayload>>();
const replayed = new Map<string, EventDefinition<'DeadLetterReplayed', DeadLetterReplayedPayload>>();

/** The MessageDeadLettered event as `context` publishes it (one definition per producing stream). */
export function messageDeadLettered(context: string): EventDefinition<'MessageDeadLettered', MessageDeadLetteredPayload> {
  let definition = deadLettered.get(context);
  if (!definition) {
    definition = defineEvent({ context, type: 'MessageDeadLettered', version: 1, schema: messageDeadLetteredSchema });
    deadLettered.set(context, definition);
  }
  return definition;
}

/** The DeadLetterReplayed event as `context` publishes it. */
export function deadLetterReplayed(context: string): EventDefinition<'DeadLetterReplayed', DeadLetterReplayedPayload> {
  let definition = replayed.get(context);
  if (!definition) {
    definition = defineEvent({ context, type: 'DeadLetterReplayed', version: 1, schema: deadLetterReplayedSchema });
    replayed.set(context, definition);
  }
  return definition;
}
