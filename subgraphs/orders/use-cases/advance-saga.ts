import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { Logger } from '../../../platform/logger.js';
import { commitsWithStatement } from '../../../platform/postgres-driver.js';
import { decide } from '../domain/saga/decide.js';
import type { SagaEnvironment, SagaEvent } from '../domain/saga/types.js';
import { OrderRepository } from '../store/order.repository.js';
import type { KnownSaga } from './recent-sagas.js';
import { persistSagaStep } from './saga-step.js';
import { isUuid, type OrdersDeps } from './scope.js';

export type AdvanceResult = 'UNKNOWN_ORDER' | 'UNCHANGED' | 'ADVANCED';

export const sagaEnvironment = (deps: Pick<OrdersDeps, 'clock' | 'saga'>): SagaEnvironment => ({ now: deps.clock(), newId: uuidv7, policy: deps.saga });

type Deps = Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>;

/**
 * Inside the caller's transaction (a handler's, the timeout job's): lets the decider react to
 * `event` on the order's saga and persists the outcome.
 *
 * A handler's step whose write commits its transaction (the message's inbox row goes in it) first
 * tries the saga as this process last saw it committed (recent-sagas.ts): decided on that copy and
 * written over its version, in one round trip. If the version has moved meanwhile the statement
 * writes nothing and this throws; the handler's retry then takes the slow path. The slow path, and
 * every other caller: the saga and order rows are read under their lock, so two steps of one order
 * queue in PostgreSQL instead of both deciding and one losing on the version; should they ever
 * meet on the version anyway, the later write fails and its transaction is retried (the handler
 * naks; the job tries again at its next poll).
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
  const step: Step = { em, deps, orderId, event, cause, log, inbox };
  // only a write that commits as it returns may be remembered as committed
  const commits = inbox !== undefined && commitsWithStatement(em);
  // The others (the timeout job, replays) never queue in the process: they may hold row locks
  // already (the job has taken the timeout row), which a queued step's write may be waiting for —
  // a deadlock PostgreSQL could not see. A handler's step has sent nothing before it queues.
  if (!commits) return advanceLocked(step, false);
  return deps.recentSagas.oneAtATime(orderId, async () => {
    const known = deps.recentSagas.get(orderId);
    return (known && (await advanceKnown(step, known))) || advanceLocked(step, true);
  });
}

/** One step's inputs, as advanceSaga got them. */
interface Step {
  em: EntityManager;
  deps: Deps;
  orderId: string;
  event: SagaEvent;
  cause: { causationId: string | null };
  log: Logger;
  inbox: { take(): SqlStatement } | undefined;
}

/** On the remembered copy; undefined when the decider changes nothing there (the locked read then decides). */
async function advanceKnown({ em, deps, orderId, event, cause, log, inbox }: Step, known: KnownSaga): Promise<AdvanceResult | undefined> {
  const decision = decide(known.saga.state, event, sagaEnvironment(deps));
  // "nothing to do" is only believed of the saga as it is now
  if (!decision.ok || !decision.changed) return undefined;
  try {
    deps.recentSagas.remember(await persistSagaStep(em, deps.eventNamespace, known, decision, cause, log, inbox));
    return 'ADVANCED';
  } catch (err) {
    if (err instanceof OptimisticLockError) {
      deps.recentSagas.forget(orderId);
      log.info({ orderId, event: event.type, version: known.saga.version }, 'the saga moved past the remembered version; the step is handled again from the database');
    }
    throw err;
  }
}

/** Under the saga's lock; `commits`: the write commits as it returns (else the caller commits later). */
async function advanceLocked({ em, deps, orderId, event, cause, log, inbox }: Step, commits: boolean): Promise<AdvanceResult> {
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
  const written = await persistSagaStep(em, deps.eventNamespace, locked, decision, cause, log, inbox);
  // committed with the write, or to be committed by the caller: then the copy here is behind
  if (commits) deps.recentSagas.remember(written);
  else deps.recentSagas.forget(orderId);
  return 'ADVANCED';
}
