import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeys } from '../domain/idempotency-keys.js';
import { paymentIdFor } from '../domain/payment-id.js';
import { authorizationExpiry, decideAuthorization, move } from '../domain/payment.js';
import { isRetriable } from '../domain/retry.js';
import { createAnnouncer } from './announcements.js';
import { callGateway } from './gateway-calls.js';
import { withPaymentChanges, type PaymentChanges } from './payment-changes.js';
import type { Cause, PaymentsDeps } from './scope.js';

export interface AuthorizationRequest {
  orderId: string;
  customerId: string;
  amountCents: number;
  currency: string;
  paymentToken: string;
}

export type AuthorizationOutcome = 'AUTHORIZED' | 'FAILED' | 'REPEATED';

/**
 * Holds the order total on the customer's payment method: one payment per order, created here.
 * Runs inside the handler's transaction (with its inbox row), under the order's lock:
 * 1. a payment already there (a repeated request, or a void that came first) calls no provider
 *    and re-announces where it stands — a duplicate request never charges twice;
 * 2. otherwise the provider is called under the retry matrix (3 attempts; a decline stops at
 *    once), every attempt logged, and the outcome recorded with its event in one commit (the
 *    payment, its attempts and the event in one statement).
 * A crash mid-way rolls everything back; the redelivered request calls the provider again with
 * the same idempotency key, which answers with the first result instead of a second hold.
 */
export function authorizePayment(deps: PaymentsDeps, em: EntityManager, request: AuthorizationRequest, cause: Cause): Promise<AuthorizationOutcome> {
  return withPaymentChanges(em, (changes) => authorize(deps, changes, request, cause));
}

async function authorize(deps: PaymentsDeps, changes: PaymentChanges, request: AuthorizationRequest, cause: Cause): Promise<AuthorizationOutcome> {
  const announce = createAnnouncer(deps, changes, cause);
  const existing = await changes.lockPayment(request.orderId);
  const decision = decideAuthorization(existing ?? undefined);
  if (decision.kind === 'repeat') {
    const payment = existing!;
    if (decision.announce === 'AUTHORIZED') announce.authorized(payment);
    else if (decision.announce === 'FAILED') announce.authorizationFailed(payment, isRetriable(payment.failureKind));
    else announce.voided(payment);
    return 'REPEATED';
  }

  const payment = changes.createPayment({
    id: paymentIdFor(request.orderId),
    orderId: request.orderId,
    customerId: request.customerId,
    status: 'PENDING',
    amountCents: request.amountCents,
    currency: request.currency.toUpperCase(),
    gateway: deps.gateway.name,
    gatewayReference: null,
    failureReason: null,
    failureKind: null,
    attempts: 0,
    capturedCents: 0,
    refundedCents: 0,
    authorizedAt: null,
    authorizationExpiresAt: null,
    capturedAt: null,
    voidedAt: null,
  });
  const idempotencyKey = idempotencyKeys.authorize(payment.id);
  const outcome = await callGateway(deps, changes, { payment, operation: 'AUTHORIZE', idempotencyKey }, () =>
    deps.gateway.authorize({
      paymentId: payment.id,
      orderId: payment.orderId,
      amount: { cents: payment.amountCents, currency: payment.currency },
      paymentToken: request.paymentToken,
      idempotencyKey,
    }),
  );

  if (outcome.ok) {
    const authorizedAt = deps.clock();
    payment.status = move(payment.status, 'AUTHORIZED');
    payment.gatewayReference = outcome.value.reference;
    payment.authorizedAt = authorizedAt;
    payment.authorizationExpiresAt = authorizationExpiry(authorizedAt);
    announce.authorized(payment);
    return 'AUTHORIZED';
  }
  payment.status = move(payment.status, 'FAILED');
  payment.failureReason = outcome.failure.message;
  payment.failureKind = outcome.failure.kind;
  announce.authorizationFailed(payment, outcome.failure.retriable);
  return 'FAILED';
}
