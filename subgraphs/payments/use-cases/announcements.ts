import type { EventDefinition, EventMetadata, PayloadOf } from '../../../events/contract.js';
import { outboxRow } from '../../../events/outbox.js';
import {
  PaymentAuthorizationFailed,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentCaptureFailed,
  PaymentVoided,
  RefundCompleted,
  RefundFailed,
} from '../../../events/contracts/payments/index.js';
import type { PaymentChanges, PaymentState, RefundState } from './payment-changes.js';
import type { Cause, PaymentsDeps } from './scope.js';

/** Every answer about an order: correlated by the order, caused by the request, for its customer. */
const metaOf = (payment: PaymentState, cause: Cause): EventMetadata => ({
  correlationId: payment.orderId,
  causationId: cause.causationId,
  customerId: payment.customerId ?? cause.customerId,
});

/**
 * Records (outbox rows, written with the use case's changes) the events that tell the saga where a
 * payment stands. Built from the rows alone, so a first answer and a repeated one are the same.
 */
export function createAnnouncer(deps: Pick<PaymentsDeps, 'eventNamespace'>, changes: Pick<PaymentChanges, 'announce'>, cause: Cause) {
  const record = <D extends EventDefinition>(definition: D, payload: PayloadOf<D>, payment: PaymentState) =>
    changes.announce(outboxRow(deps.eventNamespace, definition, payload, metaOf(payment, cause)));

  return {
    authorized(payment: PaymentState): void {
      record(PaymentAuthorized, {
        orderId: payment.orderId,
        paymentId: payment.id,
        amountCents: payment.amountCents,
        currency: payment.currency,
        authorizationExpiresAt: required(payment.authorizationExpiresAt, 'authorizationExpiresAt', payment).toISOString(),
      }, payment);
    },
    authorizationFailed(payment: PaymentState, retriable: boolean): void {
      record(PaymentAuthorizationFailed, {
        orderId: payment.orderId,
        paymentId: payment.id,
        reason: required(payment.failureReason, 'failureReason', payment),
        retriable,
        attempts: payment.attempts,
      }, payment);
    },
    captured(payment: PaymentState): void {
      record(PaymentCaptured, { orderId: payment.orderId, paymentId: payment.id, amountCents: payment.capturedCents, currency: payment.currency }, payment);
    },
    captureFailed(payment: PaymentState, reason: string, attempts: number): void {
      record(PaymentCaptureFailed, { orderId: payment.orderId, paymentId: payment.id, reason, attempts }, payment);
    },
    voided(payment: PaymentState): void {
      // a marker left by a void that came first (or a failed authorization) never held anything
      record(PaymentVoided, { orderId: payment.orderId, paymentId: payment.id, authorized: payment.authorizedAt !== null }, payment);
    },
    refundCompleted(payment: PaymentState, refund: RefundState): void {
      record(RefundCompleted, {
        orderId: payment.orderId,
        paymentId: payment.id,
        refundId: refund.id,
        amountCents: refund.amountCents,
        currency: refund.currency,
        totalRefundedCents: payment.refundedCents,
        ...(refund.manualReference ? { manualReference: refund.manualReference } : {}),
      }, payment);
    },
    refundFailed(payment: PaymentState, refund: RefundState): void {
      record(RefundFailed, {
        orderId: payment.orderId,
        paymentId: payment.id,
        refundId: refund.id,
        reason: required(refund.failureReason, 'failureReason', payment),
        attempts: refund.attempts,
      }, payment);
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;

/** Row invariants the lifecycle keeps; a miss is a bug, not an outcome. */
function required<T>(value: T | null, field: string, payment: PaymentState): T {
  if (value === null) throw new Error(`payment ${payment.id} (${payment.status}) has no ${field}`);
  return value;
}
