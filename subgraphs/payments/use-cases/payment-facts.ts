import type { PaymentFacts } from '../domain/payment.js';
import type { PaymentState } from './payment-changes.js';

/** What the domain decides on, read from a payment row. */
export const factsOf = (payment: PaymentState): PaymentFacts => ({
  status: payment.status,
  amount: { cents: payment.amountCents, currency: payment.currency },
  capturedCents: payment.capturedCents,
  refundedCents: payment.refundedCents,
  authorizationExpiresAt: payment.authorizationExpiresAt,
});
