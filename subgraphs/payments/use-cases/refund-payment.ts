import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeys } from '../domain/idempotency-keys.js';
import { afterRefund, decideRefund } from '../domain/payment.js';
import type { Money } from '../domain/money.js';
import { refundCompletion } from '../metrics.js';
import { createAnnouncer, type Announcer } from './announcements.js';
import { factsOf } from './payment-facts.js';
import { reference } from './capture-payment.js';
import { callGateway } from './gateway-calls.js';
import { withPaymentChanges, type PaymentChanges, type PaymentState, type RefundState } from './payment-changes.js';
import type { Cause, PaymentsDeps } from './scope.js';

export interface RefundRequest {
  orderId: string;
  refundId: string;
  amountCents: number;
  currency: string;
  reason: string;
}

export type RefundOutcome = 'COMPLETED' | 'FAILED' | 'REPEATED';

/**
 * Gives back part or all of a capture (automatic, PO). The refund id orders minted is the
 * refund's row id and idempotency key: a repeated request re-announces its outcome and never
 * refunds twice. A refund beyond what is left of the capture fails without a provider call;
 * a provider failure is retried (3 attempts in all, back-off), then RefundFailed escalates it to
 * staff. Everything refunded never exceeds what was captured (the domain and the table's CHECKs).
 * The refund, the payment's change, the attempts and the answer are written in one statement.
 */
export function refundPayment(deps: PaymentsDeps, em: EntityManager, request: RefundRequest, cause: Cause): Promise<RefundOutcome> {
  return withPaymentChanges(em, (changes) => refundOrder(deps, changes, request, cause));
}

async function refundOrder(deps: PaymentsDeps, changes: PaymentChanges, request: RefundRequest, cause: Cause): Promise<RefundOutcome> {
  const payment = await changes.lockPayment(request.orderId);
  // the saga asks for refunds only after PaymentCaptured: a missing payment is a request that
  // overtook the capture's commit; failing makes the kit deliver it again later
  if (!payment) throw new Error(`no payment for order ${request.orderId} yet; refund requested before capture`);
  const announce = createAnnouncer(deps, changes, cause);

  const existing = await changes.refundOf(request.refundId);
  if (existing) {
    if (existing.orderId !== request.orderId) throw new Error(`refund ${request.refundId} belongs to order ${existing.orderId}, not ${request.orderId}`);
    if (existing.status === 'COMPLETED') announce.refundCompleted(payment, existing);
    else announce.refundFailed(payment, existing);
    return 'REPEATED';
  }

  const refund = changes.createRefund({
    id: request.refundId,
    paymentId: payment.id,
    orderId: payment.orderId,
    amountCents: request.amountCents,
    currency: request.currency.toUpperCase(),
    status: 'PENDING',
    reason: request.reason,
    failureReason: null,
    gatewayReference: null,
    attempts: 0,
    completedAt: null,
    manualReference: null,
    settledBy: null,
  });

  const decision = decideRefund(factsOf(payment), { cents: request.amountCents, currency: request.currency });
  if (decision.kind === 'reject') {
    refund.status = 'FAILED';
    refund.failureReason = decision.reason;
    announce.refundFailed(payment, refund);
    return 'FAILED';
  }

  return (await refundThroughProvider(deps, changes, payment, refund, decision.amount, announce)) ? 'COMPLETED' : 'FAILED';
}

/**
 * The provider call of a refund (3 attempts, back-off) and its outcome on the rows: COMPLETED with
 * the payment's refunded total, or FAILED (escalated to staff), announced either way. Also what a
 * staff retry of an escalated refund runs.
 */
export async function refundThroughProvider(
  deps: PaymentsDeps,
  changes: PaymentChanges,
  payment: PaymentState,
  refund: RefundState,
  amount: Money,
  announce: Announcer,
): Promise<boolean> {
  const idempotencyKey = idempotencyKeys.refund(refund.id);
  const outcome = await callGateway(deps, changes, { payment, refund, operation: 'REFUND', idempotencyKey }, () =>
    deps.gateway.refund({ reference: reference(payment), refundId: refund.id, amount, idempotencyKey }),
  );
  if (!outcome.ok) {
    refund.status = 'FAILED';
    refund.failureReason = outcome.failure.message;
    announce.refundFailed(payment, refund);
    return false;
  }
  settleRefund(deps, payment, refund, amount.cents);
  refund.gatewayReference = outcome.value.reference;
  announce.refundCompleted(payment, refund);
  return true;
}

/** A refund that reached the customer (through the provider or by hand): the payment's total and status follow. */
export function settleRefund(deps: Pick<PaymentsDeps, 'clock'>, payment: PaymentState, refund: RefundState, cents: number): void {
  const next = afterRefund(factsOf(payment), cents);
  payment.status = next.status;
  payment.refundedCents = next.refundedCents;
  refund.status = 'COMPLETED';
  refund.completedAt = deps.clock();
  // a refund completed at its first request has no createdAt before its row is written
  const requestedAt = refund.createdAt ?? refund.completedAt;
  refundCompletion.observe({ settled: refund.manualReference || refund.settledBy ? 'staff' : 'automatic' }, Math.max(0, refund.completedAt.getTime() - requestedAt.getTime()) / 1000);
}
