import { hasStaffRole, requireSignedIn, type Caller } from '../../../platform/auth.js';
import { forbidden } from '../../../platform/errors.js';
import type { PaymentsLoaders } from '../loaders.js';
import type { PaymentAttemptRecord } from '../store/payment-attempt.entity.js';
import type { PaymentRecord } from '../store/payment.entity.js';
import type { RefundRecord } from '../store/refund.entity.js';

/** What a read needs: who is calling and the request's batched lookups. */
export interface ReadScope {
  caller: Caller;
  loaders: PaymentsLoaders;
}

/**
 * A payment is the order's customer's (the customer id stored from orders' request, never an
 * argument) and customer service's. Checked here even though orders checks the order first:
 * a subgraph never trusts the path a request took (defence in depth).
 */
function ensureMayRead(caller: Caller, payment: PaymentRecord): PaymentRecord {
  const signedIn = requireSignedIn(caller);
  const owner = signedIn.kind === 'customer' && payment.customerId !== null && payment.customerId === signedIn.subject;
  if (!owner && !hasStaffRole(signedIn, 'CUSTOMER_SERVICE')) throw forbidden('Only the order’s customer or customer service may see its payment');
  return payment;
}

/** `Order.payment`: null while the order has none; UNAUTHENTICATED / FORBIDDEN for others. */
export async function readPaymentOfOrder(scope: ReadScope, orderId: string): Promise<PaymentRecord | null> {
  requireSignedIn(scope.caller);
  const payment = await scope.loaders.paymentByOrderId.load(orderId);
  return payment && ensureMayRead(scope.caller, payment);
}

/** A payment entity reference (`_entities`): the same rule as `Order.payment`. */
export async function readPayment(scope: ReadScope, paymentId: string): Promise<PaymentRecord | null> {
  requireSignedIn(scope.caller);
  const payment = await scope.loaders.paymentById.load(paymentId);
  return payment && ensureMayRead(scope.caller, payment);
}

export const readRefunds = (scope: ReadScope, payment: PaymentRecord): Promise<RefundRecord[]> => scope.loaders.refundsByPaymentId.load(payment.id);

/** Provider error messages are for staff: CUSTOMER_SERVICE and ADMIN only. */
export async function readAttemptLog(scope: ReadScope, payment: PaymentRecord): Promise<PaymentAttemptRecord[]> {
  if (!hasStaffRole(requireSignedIn(scope.caller), 'CUSTOMER_SERVICE')) throw forbidden('The attempt log is for customer service');
  return scope.loaders.attemptsByPaymentId.load(payment.id);
}
