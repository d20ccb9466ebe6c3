import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeys } from '../domain/idempotency-keys.js';
import { decideCapture, move } from '../domain/payment.js';
import { createAnnouncer } from './announcements.js';
import { factsOf } from './payment-facts.js';
import { callGateway } from './gateway-calls.js';
import { withPaymentChanges, type PaymentChanges } from './payment-changes.js';
import type { Cause, PaymentsDeps } from './scope.js';

export type CaptureOutcome = 'CAPTURED' | 'FAILED' | 'REPEATED';

/**
 * Charges up to the authorized amount before the authorization lapses. A capture that cannot
 * happen (expired, too much, not authorized) is answered PaymentCaptureFailed without calling the
 * provider; a provider failure after the retry matrix's attempts likewise. The payment stays
 * AUTHORIZED then, so the saga can still void it. A repeated request re-announces the capture.
 * The payment's change, its attempts and the answer are written in one statement.
 */
export function capturePayment(deps: PaymentsDeps, em: EntityManager, request: CaptureRequest, cause: Cause): Promise<CaptureOutcome> {
  return withPaymentChanges(em, (changes) => capture(deps, changes, request, cause));
}

type CaptureRequest = { orderId: string; amountCents: number; currency: string };

async function capture(deps: PaymentsDeps, changes: PaymentChanges, request: CaptureRequest, cause: Cause): Promise<CaptureOutcome> {
  const payment = await changes.lockPayment(request.orderId);
  // the saga asks for a capture only after PaymentAuthorized: no payment means the request overtook
  // the authorization's commit; failing makes the kit deliver it again later
  if (!payment) throw new Error(`no payment for order ${request.orderId} yet; capture requested before authorization`);
  const announce = createAnnouncer(deps, changes, cause);

  const decision = decideCapture(factsOf(payment), { cents: request.amountCents, currency: request.currency }, deps.clock());
  if (decision.kind === 'repeat') {
    announce.captured(payment);
    return 'REPEATED';
  }
  if (decision.kind === 'reject') {
    if (payment.status === 'AUTHORIZED') {
      payment.failureReason = decision.reason;
      payment.failureKind = null;
    }
    announce.captureFailed(payment, decision.reason, 0);
    return 'FAILED';
  }

  const idempotencyKey = idempotencyKeys.capture(payment.id);
  const outcome = await callGateway(deps, changes, { payment, operation: 'CAPTURE', idempotencyKey }, () =>
    deps.gateway.capture({ reference: reference(payment), amount: decision.amount, idempotencyKey }),
  );
  if (!outcome.ok) {
    payment.failureReason = outcome.failure.message;
    payment.failureKind = outcome.failure.kind;
    announce.captureFailed(payment, outcome.failure.message, outcome.attempts);
    return 'FAILED';
  }
  payment.status = move(payment.status, 'CAPTURED');
  payment.capturedCents = decision.amount.cents;
  payment.capturedAt = deps.clock();
  payment.failureReason = null;
  payment.failureKind = null;
  announce.captured(payment);
  return 'CAPTURED';
}

/** An AUTHORIZED payment always has the provider's reference (set in the same commit). */
export function reference(payment: { id: string; gatewayReference: string | null }): string {
  if (!payment.gatewayReference) throw new Error(`payment ${payment.id} has no provider reference`);
  return payment.gatewayReference;
}
