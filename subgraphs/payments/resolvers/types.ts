import type { MoneyResolvers, OrderResolvers, PaymentAttemptResolvers, PaymentResolvers, RefundResolvers } from '../__generated__/resolvers-types.js';
import { formatMoney } from '../domain/money.js';
import { readAttemptLog, readPayment, readPaymentOfOrder, readRefunds } from '../use-cases/read-payments.js';

export const orderResolvers: OrderResolvers = {
  // any order id resolves: an order payments never heard of simply has no payment
  __resolveReference: (reference) => ({ id: reference.id }),
  payment: (order, _args, ctx) => readPaymentOfOrder(ctx, order.id),
};

export const paymentResolvers: PaymentResolvers = {
  __resolveReference: (reference, ctx) => readPayment(ctx, reference.id),
  order: (payment) => ({ id: payment.orderId }),
  amount: (payment) => ({ cents: payment.amountCents, currency: payment.currency }),
  captured: (payment) => ({ cents: payment.capturedCents, currency: payment.currency }),
  refunded: (payment) => ({ cents: payment.refundedCents, currency: payment.currency }),
  refunds: (payment, _args, ctx) => readRefunds(ctx, payment),
  attemptLog: (payment, _args, ctx) => readAttemptLog(ctx, payment),
};

export const refundResolvers: RefundResolvers = {
  amount: (refund) => ({ cents: refund.amountCents, currency: refund.currency }),
};

export const paymentAttemptResolvers: PaymentAttemptResolvers = {
  succeeded: (attempt) => attempt.outcome === 'SUCCEEDED',
};

export const moneyResolvers: MoneyResolvers = {
  formatted: (money) => formatMoney(money),
};
