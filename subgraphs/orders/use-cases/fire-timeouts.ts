import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import { SagaTimeoutRepository } from '../store/saga-timeout.repository.js';
import { advanceSaga } from './advance-saga.js';
import type { OrdersDeps } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Timeouts fired per poll at most, so one poll never runs for long. */
const PER_POLL = 200;

/**
 * Fires the saga's due timeouts, each in its own transaction: the row is taken off the table and
 * the saga reacts (a stale token changes nothing). If the step fails (e.g. it raced another step
 * on the saga version) the transaction rolls back, the row is back, and it fires at the next poll.
 */
export async function fireDueTimeouts(em: EntityManager, deps: Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>, log: Logger): Promise<number> {
  let fired = 0;
  while (fired < PER_POLL) {
    const due = await inTransaction(em.fork(), async (tx) => {
      const timeout = await new SagaTimeoutRepository(tx).takeDue();
      if (!timeout) return null;
      const result = await advanceSaga(tx, deps, timeout.orderId, { type: 'TimeoutFired', kind: timeout.kind, token: timeout.token }, { causationId: null }, log);
      log.info({ orderId: timeout.orderId, kind: timeout.kind, result }, 'saga timeout fired');
      return timeout;
    });
    if (!due) return fired;
    fired++;
  }
  return fired;
}
