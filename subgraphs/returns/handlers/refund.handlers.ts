import { handle, type EventHandler } from '../../../events/handler.js';
import { RefundCompleted, RefundFailed } from '../../../events/contracts/payments/index.js';
import { refundCompleted, refundFailed } from '../use-cases/refund-answers.js';
import type { ReturnsDeps } from '../use-cases/scope.js';

/** Payments' answers to the refunds of received returns. */
export function refundHandlers(deps: Pick<ReturnsDeps, 'eventNamespace' | 'clock'>): EventHandler[] {
  return [
    handle(RefundCompleted, { name: 'return-on-refund-completed' }, async (event, { em, log }) => {
      const outcome = await refundCompleted(deps, em, event.payload.refundId, event.id);
      if (outcome !== 'NOT_A_RETURN') log.info({ orderId: event.payload.orderId, refundId: event.payload.refundId, outcome }, 'return refund completed');
    }),
    handle(RefundFailed, { name: 'return-on-refund-failed' }, async (event, { em, log }) => {
      const outcome = await refundFailed(deps, em, event.payload.refundId, event.payload.reason, event.id);
      if (outcome !== 'NOT_A_RETURN') log.warn({ orderId: event.payload.orderId, refundId: event.payload.refundId, outcome }, 'return refund failed');
    }),
  ];
}
