import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import { moneyResolvers, orderResolvers, paymentAttemptResolvers, paymentResolvers, refundResolvers } from './types.js';

/**
 * Thin by design: payments has no root fields; it adds `Order.payment` and resolves its own
 * entities. Everything that changes a payment arrives as an event (handlers/).
 */
export const createResolvers = (): Resolvers => ({
  DateTime,
  Order: orderResolvers,
  Payment: paymentResolvers,
  Refund: refundResolvers,
  PaymentAttempt: paymentAttemptResolvers,
  Money: moneyResolvers,
});
