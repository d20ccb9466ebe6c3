/**
 * Every provider call carries an idempotency key derived from our own ids, the same for every
 * attempt of that call: a retry after a timeout (or a redelivered request after a crash) can
 * never charge, capture or refund twice, because the provider answers a repeated key with the
 * first result. One payment per order makes the payment id a stable per-order key.
 */
export const idempotencyKeys = {
  authorize: (paymentId: string): string => `payment-${paymentId}-authorize`,
  capture: (paymentId: string): string => `payment-${paymentId}-capture`,
  void: (paymentId: string): string => `payment-${paymentId}-void`,
  refund: (refundId: string): string => `refund-${refundId}`,
};
