import type { EntityManager } from '@mikro-orm/postgresql';
import { move } from '../domain/return-lifecycle.js';
import { ReturnRepository } from '../store/return.repository.js';
import { announceChange } from './return-changes.js';
import type { ReturnsDeps } from './scope.js';

export type RefundAnswerOutcome = 'REFUNDED' | 'FAILED' | 'NOT_A_RETURN' | 'ALREADY_APPLIED';

/**
 * Payments' RefundCompleted (inside the handler's transaction): the return whose refund it is
 * becomes REFUNDED. Refunds returns did not ask for (orders' compensation) are not ours. A refund
 * that failed before and completed since (staff retried it) ends the return all the same.
 */
export async function refundCompleted(deps: Pick<ReturnsDeps, 'eventNamespace' | 'clock'>, em: EntityManager, refundId: string, causationId: string): Promise<RefundAnswerOutcome> {
  const ret = await new ReturnRepository(em).lockByRefund(refundId);
  if (!ret) return 'NOT_A_RETURN';
  const decision = move(ret.status, 'COMPLETE_REFUND');
  if (decision.kind === 'reject') return 'ALREADY_APPLIED';
  const now = deps.clock();
  ret.status = decision.to;
  ret.refundStatus = 'COMPLETED';
  ret.refundFailureReason = null;
  ret.refundedAt = now;
  announceChange(em, deps.eventNamespace, ret, 'RECEIVED', now, causationId);
  return 'REFUNDED';
}

/**
 * Payments' RefundFailed (after its attempts): the return stays RECEIVED with its refund FAILED;
 * the ReturnUpdated that says so makes orders escalate it to staff, as any failed refund.
 */
export async function refundFailed(deps: Pick<ReturnsDeps, 'eventNamespace' | 'clock'>, em: EntityManager, refundId: string, reason: string, causationId: string): Promise<RefundAnswerOutcome> {
  const ret = await new ReturnRepository(em).lockByRefund(refundId);
  if (!ret) return 'NOT_A_RETURN';
  if (ret.status !== 'RECEIVED' || ret.refundStatus !== 'REQUESTED') return 'ALREADY_APPLIED';
  ret.refundStatus = 'FAILED';
  ret.refundFailureReason = reason;
  announceChange(em, deps.eventNamespace, ret, 'RECEIVED', deps.clock(), causationId);
  return 'FAILED';
}
