import type { EntityManager } from '@mikro-orm/postgresql';
import { requireStaff, type Caller } from '../../../platform/auth.js';
import { badInput, conflict, notFound } from '../../../platform/errors.js';
import { decideRefund } from '../domain/payment.js';
import type { PaymentRecord } from '../store/payment.entity.js';
import { PaymentRepository } from '../store/payment.repository.js';
import type { RefundRecord } from '../store/refund.entity.js';
import { createAnnouncer } from './announcements.js';
import { factsOf } from './payment-facts.js';
import { withPaymentChanges, type PaymentChanges } from './payment-changes.js';
import { refundThroughProvider, settleRefund } from './refund-payment.js';
import type { PaymentsDeps } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** What a staff request needs: who is calling and the request's EntityManager fork. */
export interface StaffScope {
  caller: Caller;
  em: EntityManager;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MANUAL_REFERENCE_MAX_LENGTH = 200;

/**
 * Escalated refunds (PO: a refund that failed its 3 attempts goes to staff), settled by
 * CUSTOMER_SERVICE or ADMIN: retried through the provider, or recorded as refunded by hand. Either
 * way a completed refund is announced as RefundCompleted (a manual one with its reference), which
 * the order saga, the customer's e-mail and the alert treat as any completed refund.
 */
export function createEscalatedRefundUseCases(deps: PaymentsDeps) {
  /** The escalated refund and its payment, locked for the order like every payment change. */
  async function escalated(em: EntityManager, changes: PaymentChanges, refundId: string): Promise<{ payment: PaymentRecord; refund: RefundRecord }> {
    // which order it is of, before the lock: read again under it, as the lock's last holder left it
    const found = UUID.test(refundId) ? await new PaymentRepository(em).findRefund(refundId) : null;
    if (!found) throw notFound(`Refund ${refundId}`);
    const payment = await changes.lockPayment(found.orderId);
    const refund = await changes.refundOf(refundId);
    if (!payment || !refund) throw notFound(`Refund ${refundId}`);
    if (refund.status !== 'FAILED') throw conflict(`Refund ${refundId} is ${refund.status}, not escalated: only a failed refund can be retried or recorded as refunded by hand`, { status: refund.status });
    return { payment, refund };
  }

  return {
    /** Another round of provider attempts; FAILED again is an answer (the refund says why), not an error. */
    async retryRefund(scope: StaffScope, refundId: string): Promise<RefundRecord> {
      const staff = requireStaff(scope.caller, 'CUSTOMER_SERVICE');
      return inTransaction(scope.em, (em) =>
        withPaymentChanges(em, async (changes) => {
          const { payment, refund } = await escalated(em, changes, refundId);
          const decision = decideRefund(factsOf(payment), { cents: refund.amountCents, currency: refund.currency });
          if (decision.kind === 'reject') throw conflict(`Refund ${refundId} cannot be made: ${decision.reason}`, { reason: decision.reason });
          refund.settledBy = staff.subject;
          await refundThroughProvider(deps, changes, payment, refund, decision.amount, createAnnouncer(deps, changes, { causationId: null, customerId: payment.customerId }));
          return refund;
        }),
      );
    },

    /** The money went back outside the provider (bank transfer, cheque): completed, with the reference. */
    async recordManualRefund(scope: StaffScope, refundId: string, reference: string): Promise<RefundRecord> {
      const staff = requireStaff(scope.caller, 'CUSTOMER_SERVICE');
      const trimmed = reference.trim();
      if (!trimmed) throw badReference('must not be empty');
      if ([...trimmed].length > MANUAL_REFERENCE_MAX_LENGTH) throw badReference(`must be at most ${MANUAL_REFERENCE_MAX_LENGTH} characters`);
      return inTransaction(scope.em, (em) =>
        withPaymentChanges(em, async (changes) => {
          const { payment, refund } = await escalated(em, changes, refundId);
          const decision = decideRefund(factsOf(payment), { cents: refund.amountCents, currency: refund.currency });
          if (decision.kind === 'reject') throw conflict(`Refund ${refundId} cannot be recorded: ${decision.reason}`, { reason: decision.reason });
          refund.manualReference = trimmed;
          refund.settledBy = staff.subject;
          settleRefund(deps, payment, refund, decision.amount.cents);
          createAnnouncer(deps, changes, { causationId: null, customerId: payment.customerId }).refundCompleted(payment, refund);
          return refund;
        }),
      );
    },
  };
}

export type EscalatedRefundUseCases = ReturnType<typeof createEscalatedRefundUseCases>;

const badReference = (problem: string) => badInput(`Invalid input: reference ${problem}`, { reference: problem });
