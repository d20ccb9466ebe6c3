import type { EntityManager } from '@mikro-orm/postgresql';
import { createEnvelope, subjectFor, type Envelope, type EventDefinition, type EventMetadata, type PayloadOf } from './contract.js';
import { OutboxMessage } from './store.js';

/**
 * Records an integration event in the context's outbox as part of the caller's unit of work:
 * it is flushed with the state change in the same transaction, or not at all. Never publishes.
 * The payload is validated against the event's schema here, so a bad event fails the use case.
 */
export function recordEvent<D extends EventDefinition>(
  em: EntityManager,
  namespace: string,
  definition: D,
  payload: PayloadOf<D>,
  meta: EventMetadata = {},
): Envelope<PayloadOf<D>> {
  const envelope = createEnvelope(definition, payload, meta);
  em.create(OutboxMessage, {
    id: envelope.id,
    subject: subjectFor(namespace, definition),
    type: definition.type,
    envelope: envelope as unknown as Record<string, unknown>,
    attempts: 0,
  } as never);
  return envelope;
}
