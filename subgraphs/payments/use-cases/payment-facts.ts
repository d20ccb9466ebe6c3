import type { PaymentFacts } from '../domain/payment.js';
import type { PaymentRecord } from '../store/payment.entity.js';

/** What the domain decides on, read from a payment row. */
export const factsOf = (payment: PaymentRecord): PaymentFacts => ({
  status: payment.status,
  amount: { cents: payment.amountCents, currency: payment.currency },
  capturedCents: payment.capturedCents,
  refundedCents: payment.refundedCents,
  authorizationExpiresAt: payment.authorizationExpiresAt,
});
