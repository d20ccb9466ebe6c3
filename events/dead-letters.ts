import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { EventHandler } from './handler.js';
import { decodeEvent } from './decode.js';
import { handleOnce, schemaOf, type HandlingOutcome } from './inbox.js';
import { DeadLetter, type DeadLetterRow } from './store.js';
import type { Orm } from '../platform/database.js';
import type { Logger } from '../platform/logger.js';

export interface DeadLetterEntry {
  /** The envelope id when there is one; otherwise the transport's message id. */
  messageId: string;
  handler: string;
  subject: string;
  envelope: Record<string, unknown> | null;
  /** The bytes as received, kept for messages that could not be parsed. */
  rawData: string | null;
  error: string;
  deliveries: number;
}

/**
 * Stores a message a handler gave up on. Written BEFORE the message is terminated, so a crash
 * in between redelivers it rather than losing it. The same message dead-lettered again (after a
 * replay failed) refreshes its row.
 */
export async function recordDeadLetter(em: EntityManager, entry: DeadLetterEntry): Promise<void> {
  const schema = schemaOf(em);
  await em.execute(
    `insert into "${schema}".dead_letter (id, message_id, handler, subject, envelope, raw_data, error, deliveries)
     values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
     on conflict (message_id, handler) do update set
       envelope = excluded.envelope, raw_data = excluded.raw_data, error = excluded.error,
       deliveries = excluded.deliveries, failed_at = now(), replayed_at = null`,
    [
      uuidv7(),
      entry.messageId,
      entry.handler,
      entry.subject,
      entry.envelope ? JSON.stringify(entry.envelope) : null,
      entry.rawData,
      entry.error,
      entry.deliveries,
    ],
    'run',
  );
}

/** Newest first, for staff tooling. */
export async function listDeadLetters(em: EntityManager, options: { limit?: number; pendingOnly?: boolean } = {}): Promise<DeadLetterRow[]> {
  return em.find(DeadLetter, options.pendingOnly ? { replayedAt: null } : {}, {
    orderBy: { failedAt: 'desc', id: 'desc' },
    limit: options.limit ?? 50,
  });
}

/**
 * Re-runs a dead letter's stored envelope through its handler, exactly as a delivery would
 * (validated, inbox-protected, one transaction), and marks it replayed in that same
 * transaction. Replaying twice is harmless: the second run finds the inbox row and skips.
 * Throws when the handler fails again (the row stays pending) or cannot be found.
 */
export async function replayDeadLetter(orm: Orm, handlers: EventHandler[], id: string, log?: Logger): Promise<HandlingOutcome> {
  const row = await (orm.em.fork() as EntityManager).findOne(DeadLetter, { id });
  if (!row) throw new Error(`No dead letter ${id}`);
  const handler = handlers.find((h) => h.options.name === row.handler);
  if (!handler) throw new Error(`Dead letter ${id} belongs to handler "${row.handler}", which this process does not run`);

  const data = row.envelope ? JSON.stringify(row.envelope) : (row.rawData ?? '');
  const decoded = decodeEvent(handler.definition, new TextEncoder().encode(data));
  if (!decoded.ok) throw new Error(`Dead letter ${id} cannot be replayed: ${decoded.reason}`);

  const replayLog = (log ?? pino({ level: 'silent' })).child({ handler: row.handler, eventId: decoded.envelope.id, deadLetterId: id, replay: true });
  const schema = schemaOf(orm.em as EntityManager);
  const outcome = await handleOnce(orm, handler, decoded.envelope, { log: replayLog, deliveryCount: row.deliveries + 1 }, async (em) => {
    await em.execute(`update "${schema}".dead_letter set replayed_at = now() where id = ?`, [id], 'run');
  });
  replayLog.info({ outcome }, 'dead letter replayed');
  return outcome;
}
