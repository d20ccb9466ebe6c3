import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { handle, type EventHandler } from './handler.js';
import type { Envelope } from './contract.js';
import { deadLetterReplayed, messageDeadLettered } from './contracts/messaging/message-dead-lettered.event.js';
import { DeadLetterReplayRequested } from './contracts/operations/dead-letter-replay-requested.event.js';
import { decodeEvent } from './decode.js';
import { schemaOf, type HandlingOutcome } from './inbox.js';
import { recordEvent } from './outbox.js';
import { describeError } from './relay-batch.js';
import { DeadLetter, type DeadLetterRow } from './store.js';
import { inTransaction, type Orm } from '../platform/database.js';
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

/** The context a dead letter belongs to, and the namespace of its outbox's subjects. */
export interface DeadLetterOrigin {
  context: string;
  namespace: string;
}

/**
 * Stores a message a handler gave up on and announces it (MessageDeadLettered, through the
 * context's own outbox) in ONE transaction. Written BEFORE the message is terminated, so a crash
 * in between redelivers it rather than losing it. The same message dead-lettered again (after a
 * replay failed) refreshes its row and is announced again.
 */
export async function recordDeadLetter(em: EntityManager, entry: DeadLetterEntry, origin: DeadLetterOrigin): Promise<void> {
  await em.transactional(async (tx) => {
    const schema = schemaOf(tx);
    const [row] = await tx.execute<{ id: string; failed_at: Date }[]>(
      `insert into "${schema}".dead_letter (id, message_id, handler, subject, envelope, raw_data, error, deliveries)
       values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
       on conflict (message_id, handler) do update set
         envelope = excluded.envelope, raw_data = excluded.raw_data, error = excluded.error,
         deliveries = excluded.deliveries, failed_at = now(), replayed_at = null
       returning id, failed_at`,
      [uuidv7(), entry.messageId, entry.handler, entry.subject, entry.envelope ? JSON.stringify(entry.envelope) : null, entry.rawData, entry.error, entry.deliveries],
    );
    announceDeadLetter(tx, origin, { id: row!.id, failedAt: new Date(row!.failed_at), ...entry });
  });
}

function announceDeadLetter(em: EntityManager, origin: DeadLetterOrigin, letter: DeadLetterEntry & { id: string; failedAt: Date }): void {
  const correlationId = typeof letter.envelope?.correlationId === 'string' ? letter.envelope.correlationId : null;
  recordEvent(
    em,
    origin.namespace,
    messageDeadLettered(origin.context),
    {
      deadLetterId: letter.id,
      context: origin.context,
      handler: letter.handler,
      subject: letter.subject,
      eventId: letter.messageId,
      error: letter.error,
      attempts: letter.deliveries,
      failedAt: letter.failedAt.toISOString(),
      payload: letter.envelope ? JSON.stringify(letter.envelope) : (letter.rawData ?? ''),
    },
    { correlationId },
  );
}

/** Newest first, for staff tooling. */
export async function listDeadLetters(em: EntityManager, options: { limit?: number; pendingOnly?: boolean } = {}): Promise<DeadLetterRow[]> {
  return em.find(DeadLetter, options.pendingOnly ? { replayedAt: null } : {}, {
    orderBy: { failedAt: 'desc', id: 'desc' },
    limit: options.limit ?? 50,
  });
}

export type ReplayOutcome = HandlingOutcome | 'failed-again';

/** A dead letter this process can never replay (unknown id, handler gone, bytes that do not decode). */
export class ReplayImpossible extends Error {}

/**
 * Inside the caller's transaction: re-runs a dead letter's stored envelope through its handler
 * exactly as a delivery would (validated, inbox-protected: a message already handled changes
 * nothing), in a savepoint. Replayed → marked and DeadLetterReplayed announced; the handler
 * failed again → its effects roll back to the savepoint, the row keeps the new error and
 * MessageDeadLettered is announced again. Throws only when the dead letter cannot be replayed here.
 */
export async function replayDeadLetterIn(em: EntityManager, handlers: EventHandler[], id: string, origin: DeadLetterOrigin, log: Logger): Promise<ReplayOutcome> {
  const schema = schemaOf(em);
  const row = await em.findOne(DeadLetter, { id }, { refresh: true });
  if (!row) throw new ReplayImpossible(`No dead letter ${id}`);
  // a handler merged into another (HandlerOptions.replaces) left its dead letters to it
  const handler = handlers.find((h) => h.options.name === row.handler) ?? handlers.find((h) => h.options.replaces.includes(row.handler));
  if (!handler) throw new ReplayImpossible(`Dead letter ${id} belongs to handler "${row.handler}", which this process does not run`);
  const decoded = decodeEvent(handler.definition, new TextEncoder().encode(row.envelope ? JSON.stringify(row.envelope) : (row.rawData ?? '')));
  if (!decoded.ok) throw new ReplayImpossible(`Dead letter ${id} cannot be replayed: ${decoded.reason}`);
  const replayLog = log.child({ handler: row.handler, eventId: decoded.envelope.id, deadLetterId: id, replay: true });

  let outcome: ReplayOutcome;
  try {
    outcome = await em.transactional((savepoint) => runThroughInbox(savepoint, handler, decoded.envelope, replayLog, row.deliveries + 1));
  } catch (err) {
    const error = describeError(err);
    const [failed] = await em.execute<{ failed_at: Date; deliveries: number }[]>(
      `update "${schema}".dead_letter set error = ?, deliveries = deliveries + 1, failed_at = now(), replayed_at = null where id = ? returning failed_at, deliveries`,
      [error, id],
    );
    announceDeadLetter(em, origin, { ...row, messageId: row.messageId, rawData: row.rawData, error, deliveries: failed!.deliveries, failedAt: new Date(failed!.failed_at) });
    replayLog.warn({ err }, 'dead letter replay failed again');
    return 'failed-again';
  }
  const [replayed] = await em.execute<{ replayed_at: Date }[]>(`update "${schema}".dead_letter set replayed_at = now() where id = ? returning replayed_at`, [id]);
  recordEvent(em, origin.namespace, deadLetterReplayed(origin.context), { deadLetterId: id, context: origin.context, outcome, replayedAt: new Date(replayed!.replayed_at).toISOString() });
  replayLog.info({ outcome }, 'dead letter replayed');
  return outcome;
}

/** The inbox row and the handler in the caller's transaction (see handleOnce for a delivery's own). */
async function runThroughInbox(em: EntityManager, handler: EventHandler, envelope: Envelope, log: Logger, deliveryCount: number): Promise<HandlingOutcome> {
  const inserted = await em.execute<{ affectedRows: number }>(
    `insert into "${schemaOf(em)}".inbox (message_id, handler) values (?, ?) on conflict do nothing`,
    [envelope.id, handler.options.name],
    'run',
  );
  if (inserted.affectedRows === 0) return 'duplicate';
  // the caller's transaction commits after we return, out of sight: after-commit signals are
  // dropped here (they only ever hasten what a poll does anyway)
  await handler.handle(envelope, { em, log, deliveryCount, afterCommit: () => undefined });
  return 'processed';
}

/**
 * Replays a dead letter in its own transaction (staff tooling, tests). Throws when the handler
 * fails again (the row then carries the new error and stays pending).
 */
export async function replayDeadLetter(orm: Orm, handlers: EventHandler[], id: string, origin: DeadLetterOrigin, log: Logger): Promise<HandlingOutcome> {
  const outcome = await inTransaction(orm.em.fork() as EntityManager, (em) => replayDeadLetterIn(em, handlers, id, origin, log));
  if (outcome === 'failed-again') throw new Error(`Dead letter ${id}: the handler failed again`);
  return outcome;
}

/** Name of every context's replay handler (and of its durable consumer: `<context>-replay-dead-letters`). */
export const REPLAY_HANDLER_NAME = 'replay-dead-letters';

/**
 * The kit's consumer of DeadLetterReplayRequested, added to every context that has handlers: a
 * request for one of this context's dead letters re-runs it through its handler's inbox; requests
 * for other contexts are ignored. A dead letter this process cannot replay (unknown id, handler
 * gone) is logged and the request dropped: retrying would not change that.
 */
export function deadLetterReplayHandler(origin: DeadLetterOrigin, handlers: () => EventHandler[]): EventHandler {
  return handle(DeadLetterReplayRequested, { name: REPLAY_HANDLER_NAME }, async (event, { em, log }) => {
    if (event.payload.context !== origin.context) return;
    const { deadLetterId, requestedBy } = event.payload;
    try {
      const outcome = await replayDeadLetterIn(em, handlers(), deadLetterId, origin, log);
      log.info({ deadLetterId, requestedBy, outcome }, 'dead letter replay requested');
    } catch (err) {
      if (!(err instanceof ReplayImpossible)) throw err;
      log.error({ err, deadLetterId, requestedBy }, 'replay requested for a dead letter this context cannot replay; dropped');
    }
  });
}
