import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import type { EscalatedRefundUseCases } from '../use-cases/escalated-refunds.js';
import { moneyResolvers, orderResolvers, paymentAttemptResolvers, paymentResolvers, refundResolvers } from './types.js';

/**
 * Thin by design: payments adds `Order.payment` and resolves its own entities. Everything that
 * changes a payment arrives as an event (handlers/), except staff settling escalated refunds.
 */
export const createResolvers = (escalatedRefunds: EscalatedRefundUseCases): Resolvers => ({
  DateTime,
  Mutation: {
    retryRefund: (_root, { refundId }, ctx) => escalatedRefunds.retryRefund(ctx, refundId),
    recordManualRefund: (_root, { refundId, reference }, ctx) => escalatedRefunds.recordManualRefund(ctx, refundId, reference),
  },
  Order: orderResolvers,
  Payment: paymentResolvers,
  Refund: refundResolvers,
  PaymentAttempt: paymentAttemptResolvers,
  Money: moneyResolvers,
});
