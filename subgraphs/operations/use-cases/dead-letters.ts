import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeadLetterReplayedPayload, MessageDeadLetteredPayload } from '../../../events/contracts/messaging/message-dead-lettered.event.js';
import { DeadLetterReplayRequested } from '../../../events/contracts/operations/dead-letter-replay-requested.event.js';
import { recordEvent } from '../../../events/outbox.js';
import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { messageDeadLettered, subjects } from '../domain/alert-causes.js';
import type { DeadLetterCopyRecord } from '../store/dead-letter-copy.entity.js';
import { DeadLetterCopyRepository } from '../store/dead-letter-copy.repository.js';
import { raiseAlert, resolveCause } from './alerts.js';
import { checkFirst, decodeCursor, encodeCursor, invalidInput, isUuid, type FieldErrors } from './input.js';
import type { OperationsDeps, OperationsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export interface DeadLetterPage {
  nodes: DeadLetterCopyRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** In a handler's transaction: keep the copy (refreshed when it failed again) and alert on it. */
export async function recordDeadLetterCopy(deps: Pick<OperationsDeps, 'eventNamespace'>, em: EntityManager, letter: MessageDeadLetteredPayload, causationId: string) {
  await new DeadLetterCopyRepository(em).upsert(letter);
  return raiseAlert(deps, em, messageDeadLettered({ ...letter, orderId: orderIdOf(letter.payload) }), causationId);
}

/** In a handler's transaction: the owning context replayed it → the copy says so and its alert resolves. */
export async function recordDeadLetterReplayed(em: EntityManager, replayed: DeadLetterReplayedPayload) {
  const copy = await new DeadLetterCopyRepository(em).lock(replayed.deadLetterId);
  if (copy && (!copy.replayedAt || copy.replayedAt < new Date(replayed.replayedAt))) copy.replayedAt = new Date(replayed.replayedAt);
  return resolveCause(em, 'MESSAGE_DEAD_LETTERED', subjects.deadLetter(replayed.context, replayed.deadLetterId), `replayed (${replayed.outcome})`);
}

/** `deadLetters`: ADMIN; every context's, newest failure first, or one context's. */
export async function listDeadLetters(scope: OperationsScope, args: { context?: string | null; first?: number | null; after?: string | null }): Promise<DeadLetterPage> {
  requireStaff(scope.caller);
  const errors: FieldErrors = {};
  const first = checkFirst(args.first, errors);
  const cursor = args.after != null ? decodeCursor(args.after) : null;
  const after =
    cursor && cursor.length === 3 && cursor[0] === 'dead-letter' && typeof cursor[1] === 'string' && !Number.isNaN(Date.parse(cursor[1])) && typeof cursor[2] === 'string' && isUuid(cursor[2])
      ? { failedAt: new Date(cursor[1]), id: cursor[2] }
      : null;
  if (args.after != null && !after) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw invalidInput(errors);

  const { rows, totalCount } = await new DeadLetterCopyRepository(scope.em).page(args.context?.trim() || null, after, first);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(['dead-letter', last.failedAt.toISOString(), last.id]) : null } };
}

/**
 * `replayDeadLetter`: ADMIN. Operations cannot run another context's handler: it asks the owning
 * context (DeadLetterReplayRequested, committed with the request's mark), whose kit re-runs the
 * message through the handler's inbox and answers with DeadLetterReplayed.
 */
export async function requestDeadLetterReplay(deps: Pick<OperationsDeps, 'eventNamespace'>, scope: OperationsScope, id: string): Promise<DeadLetterCopyRecord> {
  const admin = requireStaff(scope.caller);
  if (!isUuid(id)) throw notFound(`Dead letter ${id}`);
  return inTransaction(scope.em, async (em) => {
    const copy = await new DeadLetterCopyRepository(em).lock(id);
    if (!copy) throw notFound(`Dead letter ${id}`);
    copy.replayRequestedAt = new Date();
    recordEvent(em, deps.eventNamespace, DeadLetterReplayRequested, { deadLetterId: copy.id, context: copy.context, requestedBy: admin.subject });
    return copy;
  });
}

/** The failed message's correlation id when it is an order id (UUID), for the alert's `order`. */
function orderIdOf(payload: string): string | null {
  try {
    const envelope = JSON.parse(payload) as { correlationId?: unknown };
    return typeof envelope.correlationId === 'string' && isUuid(envelope.correlationId) ? envelope.correlationId : null;
  } catch {
    return null;
  }
}
