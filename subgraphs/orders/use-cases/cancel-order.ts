import { OptimisticLockError } from '@mikro-orm/postgresql';
import { hasStaffRole, requireSignedIn } from '../../../platform/auth.js';
import { badInput, conflict, forbidden, notFound } from '../../../platform/errors.js';
import { decide } from '../domain/saga/decide.js';
import type { OrderRecord } from '../store/order.entity.js';
import { OrderRepository } from '../store/order.repository.js';
import { persistSagaStep, sagaEnvironment } from './saga-step.js';
import { isUuid, type OrdersDeps, type OrdersScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

const MAX_REASON_LENGTH = 500;
/** A cancellation racing a saga step (same saga version) is simply tried again. */
const ATTEMPTS = 3;

/**
 * `cancelOrder`: the customer cancels their own unshipped order within 2 h of placement;
 * CUSTOMER_SERVICE/ADMIN cancel any unshipped order (and close ON_HOLD ones this way). The
 * rules are the saga decider's; compensation (release, void/refund) is recorded with it.
 */
export async function cancelOrder(deps: OrdersDeps, scope: OrdersScope, orderId: string, reason: string): Promise<OrderRecord> {
  const caller = requireSignedIn(scope.caller);
  const by = hasStaffRole(caller, 'CUSTOMER_SERVICE') ? 'STAFF' : caller.kind === 'customer' ? 'CUSTOMER' : null;
  if (!by) throw caller.kind === 'guest' ? notFound('Order') : forbidden('Requires role CUSTOMER_SERVICE or ADMIN');
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('Give a reason for the cancellation', { reason: 'must not be empty' });
  if ([...trimmed].length > MAX_REASON_LENGTH) throw badInput('The reason is too long', { reason: `must be at most ${MAX_REASON_LENGTH} characters` });
  if (!isUuid(orderId)) throw notFound('Order');

  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(scope.em.fork(), async (em) => {
        const orders = new OrderRepository(em);
        // the saga's lock first (as every saga step does), then the order as that step left it
        const locked = await orders.lockSaga(orderId);
        if (!locked || (by === 'CUSTOMER' && locked.order.customerId !== caller.subject)) throw notFound('Order');
        const { saga, order } = locked;
        const decision = decide(saga.state, { type: 'CancellationRequested', by, reason: trimmed }, sagaEnvironment(deps));
        if (!decision.ok) throw conflict(decision.rejection.message, { status: order.status });
        if (!decision.changed) return order;
        const cancelled = await persistSagaStep(em, deps.eventNamespace, { order, saga }, decision, { causationId: null }, scope.log);
        scope.log.info({ orderId, by, previousStatus: saga.state.status }, 'order cancelled');
        return cancelled;
      });
    } catch (err) {
      if (!(err instanceof OptimisticLockError) || attempt >= ATTEMPTS) throw err;
    } finally {
      // the saga moved (or may have) with a commit the handlers' copy has not seen
      deps.recentSagas.forget(orderId);
    }
  }
}
