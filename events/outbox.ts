import type { EntityManager } from '@mikro-orm/postgresql';
import { createEnvelope, subjectFor, type Envelope, type EventDefinition, type EventMetadata, type PayloadOf } from './contract.js';
import { schemaOf } from './inbox.js';
import { noteOutboxWrite, pendingRowOf } from './outbox-signal.js';
import type { PendingRow } from './relay-batch.js';
import { OutboxMessage } from './store.js';

/** An outbox row before it is written: the columns without a default. */
export interface PendingOutboxRow<P = unknown> {
  id: string;
  subject: string;
  type: string;
  envelope: Envelope<P>;
}

/**
 * The outbox row for an event, not yet written anywhere: for a writer that puts its rows in a
 * statement of its own (`outboxInsert`). The payload is validated against the event's schema
 * here, so a bad event fails the use case before anything is written.
 */
export function outboxRow<D extends EventDefinition>(namespace: string, definition: D, payload: PayloadOf<D>, meta: EventMetadata = {}): PendingOutboxRow<PayloadOf<D>> {
  const envelope = createEnvelope(definition, payload, meta);
  return { id: envelope.id, subject: subjectFor(namespace, definition), type: definition.type, envelope };
}

/**
 * Records an integration event in the context's outbox as part of the caller's unit of work:
 * it is flushed with the state change in the same transaction, or not at all. Never publishes.
 */
export function recordEvent<D extends EventDefinition>(
  em: EntityManager,
  namespace: string,
  definition: D,
  payload: PayloadOf<D>,
  meta: EventMetadata = {},
): Envelope<PayloadOf<D>> {
  const row = outboxRow(namespace, definition, payload, meta);
  em.create(OutboxMessage, { ...row, envelope: row.envelope as unknown as Record<string, unknown>, attempts: 0 } as never);
  return row.envelope;
}

/**
 * One multi-row insert of outbox rows into the context's outbox, for a statement of the caller's,
 * run in `em`'s transaction (whose commit then hands the rows to the relay: outbox-signal.ts). The
 * statement must write every row or fail as a whole: the commit hands over all of them.
 */
export function outboxInsert(em: EntityManager, rows: readonly PendingOutboxRow[]): { sql: string; params: unknown[] } {
  const published = rows.map((row) => pendingRowOf(row));
  noteOutboxWrite(em, published);
  return {
    sql: `insert into "${schemaOf(em)}".outbox (id, subject, type, envelope) values ${rows.map(() => '(?, ?, ?, ?::jsonb)').join(', ')}`,
    params: rows.flatMap((row, i) => [row.id, row.subject, row.type, published[i]!.data]),
  };
}

/**
 * As outboxInsert, for ONE statement sent outside any transaction (autocommit), whose rows go in
 * only when `condition` holds: SQL over the statement's other parts, e.g. `exists (select 1 from
 * checkout)` — the conditional write the events announce landed. The caller hands the rows to the
 * relay once the statement returned and says they went in (ringAfterAutocommit, outbox-signal.ts).
 */
export function outboxInsertIf(em: EntityManager, rows: readonly PendingOutboxRow[], condition: string): { sql: string; params: unknown[]; published: PendingRow[] } {
  const published = rows.map((row) => pendingRowOf(row));
  return {
    sql: `insert into "${schemaOf(em)}".outbox (id, subject, type, envelope)
          select v.id, v.subject, v.type, v.envelope from (values ${rows.map(() => '(?::uuid, ?, ?, ?::jsonb)').join(', ')}) as v (id, subject, type, envelope)
           where ${condition}`,
    params: rows.flatMap((row, i) => [row.id, row.subject, row.type, published[i]!.data]),
    published,
  };
}
