import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeys } from '../domain/idempotency-keys.js';
import { paymentIdFor } from '../domain/payment-id.js';
import { decideVoid, move } from '../domain/payment.js';
import { createAnnouncer } from './announcements.js';
import { factsOf } from './payment-facts.js';
import { reference } from './capture-payment.js';
import { callGateway } from './gateway-calls.js';
import { withPaymentChanges, type PaymentChanges } from './payment-changes.js';
import type { Cause, PaymentsDeps } from './scope.js';

export type VoidOutcome = 'VOIDED' | 'LAPSED' | 'MARKED' | 'REPEATED';

/** The currency of a marker that never held money; amounts on it are 0. */
const MARKER_CURRENCY = 'USD';

/**
 * Releases an uncaptured authorization and answers PaymentVoided:
 * - authorized: the provider releases the hold (retry matrix); a hold that already lapsed
 *   (7 days) is recorded VOIDED without a call;
 * - no payment yet (the void overtook the authorization request): a VOIDED marker that holds
 *   nothing, so the late request charges nothing and re-announces PaymentVoided;
 * - already voided or failed: re-announced; captured: PaymentCaptured is re-announced instead,
 *   telling the saga that this payment needs a refund, not a void.
 * A provider that cannot release the hold now (timeouts, errors after 3 attempts) fails the
 * handling: the kit redelivers the request later with its back-off, and dead-letters it for
 * staff after its last delivery (the hold lapses on its own after 7 days in any case). A
 * provider that refuses (e.g. the intent was already cancelled) leaves nothing to release.
 * The payment's change, its attempts and the answer are written in one statement.
 */
export function voidPayment(deps: PaymentsDeps, em: EntityManager, request: VoidRequest, cause: Cause): Promise<VoidOutcome> {
  return withPaymentChanges(em, (changes) => release(deps, changes, request, cause));
}

type VoidRequest = { orderId: string; reason: string };

async function release(deps: PaymentsDeps, changes: PaymentChanges, request: VoidRequest, cause: Cause): Promise<VoidOutcome> {
  const announce = createAnnouncer(deps, changes, cause);
  const payment = await changes.lockPayment(request.orderId);
  const now = deps.clock();
  const decision = decideVoid(payment ? factsOf(payment) : undefined, now);

  switch (decision.kind) {
    case 'repeat':
      if (decision.announce === 'CAPTURED') announce.captured(payment!);
      else announce.voided(payment!);
      return 'REPEATED';
    case 'mark': {
      const marker = changes.createPayment({
        id: paymentIdFor(request.orderId),
        orderId: request.orderId,
        customerId: cause.customerId,
        status: move('PENDING', 'VOIDED'),
        amountCents: 0,
        currency: MARKER_CURRENCY,
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
        voidedAt: now,
      });
      announce.voided(marker);
      return 'MARKED';
    }
    case 'lapse':
      payment!.status = move(payment!.status, 'VOIDED');
      payment!.voidedAt = now;
      announce.voided(payment!);
      return 'LAPSED';
    case 'void': {
      const held = payment!;
      const idempotencyKey = idempotencyKeys.void(held.id);
      const outcome = await callGateway(deps, changes, { payment: held, operation: 'VOID', idempotencyKey }, () =>
        deps.gateway.void({ reference: reference(held), idempotencyKey }),
      );
      if (!outcome.ok && outcome.failure.retriable) throw new Error(`void of payment ${held.id} failed after ${outcome.attempts} attempts: ${outcome.failure.message}`);
      held.status = move(held.status, 'VOIDED');
      held.voidedAt = now;
      held.failureReason = outcome.ok ? null : `provider refused the void: ${outcome.failure.message}`;
      held.failureKind = outcome.ok ? null : outcome.failure.kind;
      announce.voided(held);
      return 'VOIDED';
    }
  }
}
