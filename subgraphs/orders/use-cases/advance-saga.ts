import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { Logger } from '../../../platform/logger.js';
import { commitsWithStatement } from '../../../platform/postgres-driver.js';
import { decide } from '../domain/saga/decide.js';
import type { SagaEvent } from '../domain/saga/types.js';
import { OrderRepository } from '../store/order.repository.js';
import { advanceSagas, type AdvanceResult } from './advance-sagas.js';
import { persistSagaStep, sagaEnvironment } from './saga-step.js';
import { isUuid, type OrdersDeps } from './scope.js';

type Deps = Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>;

/**
 * Inside the caller's transaction (a handler's, the timeout job's): lets the decider react to
 * `event` on the order's saga and persists the outcome.
 *
 * A handler's step whose write commits its transaction (the message's inbox row goes in it) is a
 * batch of one (advance-sagas.ts): decided on the saga as this process last saw it committed
 * (recent-sagas.ts) and written over that version in one round trip, or read under its lock when
 * there is no such copy; a moved version writes nothing and throws, and the handler's retry reads
 * the row. Every other caller (the timeout job, a dead letter's replay) reads the saga and order
 * rows under their lock, so two steps of one order queue in PostgreSQL instead of both deciding and
 * one losing on the version; should they ever meet on the version anyway, the later write fails and
 * its transaction is retried (the handler naks; the job tries again at its next poll).
 */
export async function advanceSaga(
  em: EntityManager,
  deps: Deps,
  orderId: string,
  event: SagaEvent,
  cause: { causationId: string | null },
  log: Logger,
  inbox?: { take(): SqlStatement },
): Promise<AdvanceResult> {
  // events name orders by id; one we never placed is not ours to act on (nothing can refer to it later)
  if (!isUuid(orderId)) return 'UNKNOWN_ORDER';
  // only a write that commits as it returns may be remembered as committed
  if (inbox && commitsWithStatement(em)) return (await advanceSagas(em, deps, [{ orderId, event, causationId: cause.causationId }], log, inbox))[0]!;
  return advanceLocked(em, deps, { orderId, event, cause, log, inbox });
}

/** A step on the locked path, as advanceSaga got it. */
interface LockedStep {
  orderId: string;
  event: SagaEvent;
  cause: { causationId: string | null };
  log: Logger;
  inbox: { take(): SqlStatement } | undefined;
}

/**
 * Under the saga's lock, written in the caller's transaction, which commits later: the copy this
 * process remembers is then behind and is forgotten. These callers never queue in the process:
 * they may hold row locks already (the job has taken the timeout row), which a queued step's write
 * may be waiting for — a deadlock PostgreSQL could not see.
 */
async function advanceLocked(em: EntityManager, deps: Deps, { orderId, event, cause, log, inbox }: LockedStep): Promise<AdvanceResult> {
  const locked = await new OrderRepository(em).lockSaga(orderId);
  if (!locked) {
    log.warn({ orderId, event: event.type }, 'event for an unknown order ignored');
    return 'UNKNOWN_ORDER';
  }
  const decision = decide(locked.saga.state, event, sagaEnvironment(deps));
  // only cancellation can be refused, and it never comes through here
  if (!decision.ok) throw new Error(`Order ${orderId}: ${event.type} refused: ${decision.rejection.message}`);
  if (!decision.changed) {
    deps.recentSagas.remember(locked);
    return 'UNCHANGED';
  }
  await persistSagaStep(em, deps.eventNamespace, locked, decision, cause, log, inbox);
  deps.recentSagas.forget(orderId);
  return 'ADVANCED';
}
