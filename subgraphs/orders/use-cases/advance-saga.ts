import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { Logger } from '../../../platform/logger.js';
import { decide } from '../domain/saga/decide.js';
import type { SagaDecision, SagaEnvironment, SagaEvent } from '../domain/saga/types.js';
import { OrderRepository } from '../store/order.repository.js';
import { persistSagaStep } from './saga-step.js';
import { isUuid, type OrdersDeps } from './scope.js';

export type AdvanceResult = 'UNKNOWN_ORDER' | 'UNCHANGED' | 'ADVANCED';

export const sagaEnvironment = (deps: Pick<OrdersDeps, 'clock' | 'saga'>): SagaEnvironment => ({ now: deps.clock(), newId: uuidv7, policy: deps.saga });

/**
 * Inside the caller's transaction (a handler's, the timeout job's): loads the order's saga,
 * lets the decider react to `event` and persists the outcome. Two steps of one order queue on
 * the saga row's lock (the order row is locked with it, so the second sees the first's result);
 * should they ever meet on the version instead, the later write fails and its transaction is
 * retried (the handler naks; the job tries again at its next poll).
 */
export async function advanceSaga(
  em: EntityManager,
  deps: Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga'>,
  orderId: string,
  event: SagaEvent,
  cause: { causationId: string | null },
  log: Logger,
  inbox?: { take(): SqlStatement },
): Promise<AdvanceResult> {
  // events name orders by id; one we never placed is not ours to act on (nothing can refer to it later)
  if (!isUuid(orderId)) return 'UNKNOWN_ORDER';
  const orders = new OrderRepository(em);
  const locked = await orders.lockSaga(orderId);
  if (!locked) {
    log.warn({ orderId, event: event.type }, 'event for an unknown order ignored');
    return 'UNKNOWN_ORDER';
  }
  const { saga, order } = locked;
  const decision: SagaDecision = decide(saga.state, event, sagaEnvironment(deps));
  // only cancellation can be refused, and it never comes through here
  if (!decision.ok) throw new Error(`Order ${orderId}: ${event.type} refused: ${decision.rejection.message}`);
  if (!decision.changed) return 'UNCHANGED';
  await persistSagaStep(em, deps.eventNamespace, { order, saga }, decision, cause, log, inbox);
  return 'ADVANCED';
}
