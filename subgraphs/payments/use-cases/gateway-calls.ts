import { PaymentGatewayError } from '../adapters/payment-gateway/payment-gateway.js';
import { callWithRetries, type CallFailure, type CallOutcome } from '../domain/retry.js';
import type { GatewayOperation } from '../store/payment-attempt.entity.js';
import type { PaymentChanges, PaymentState, RefundState } from './payment-changes.js';
import type { PaymentsDeps } from './scope.js';

export interface GatewayCall {
  payment: PaymentState;
  refund?: RefundState;
  operation: GatewayOperation;
  idempotencyKey: string;
}

/**
 * One provider call under the retry matrix: every attempt goes into the attempt log and the
 * payment's (and refund's) attempt counters, written with the use case's other changes.
 */
export async function callGateway<T>(deps: PaymentsDeps, changes: Pick<PaymentChanges, 'logAttempt'>, target: GatewayCall, call: () => Promise<T>): Promise<CallOutcome<T>> {
  return callWithRetries(call, classify, deps.retry, (report) => {
    changes.logAttempt({
      paymentId: target.payment.id,
      refundId: target.refund?.id ?? null,
      operation: target.operation,
      attempt: report.attempt,
      outcome: report.failure ? 'FAILED' : 'SUCCEEDED',
      failureKind: report.failure?.kind ?? null,
      failureMessage: report.failure?.message ?? null,
      idempotencyKey: target.idempotencyKey,
      startedAt: report.startedAt,
      durationMs: report.durationMs,
    });
    target.payment.attempts += 1;
    if (target.refund) target.refund.attempts += 1;
  });
}

/** Adapters throw PaymentGatewayError; anything else is an unexpected provider-side failure, worth another try. */
function classify(err: unknown): CallFailure {
  if (err instanceof PaymentGatewayError) return { kind: err.kind, message: err.message, retriable: err.retriable };
  return { kind: 'UNAVAILABLE', message: `payment provider call failed: ${err instanceof Error ? err.message : String(err)}`, retriable: true };
}
