import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { OrdersUseCases } from '../use-cases/index.js';
import { checkoutItemResolvers, createCheckoutResolvers, priceChangeResolvers } from './checkout.js';
import { moneyResolvers } from './money.js';
import { createMutationResolvers } from './mutation.js';
import { createCustomerResolvers, createOrderResolvers, orderItemResolvers, orderStatusChangeResolvers } from './order.js';
import { createQueryResolvers } from './query.js';
import { DateTime } from '../../../platform/scalars.js';
import { subscriptionResolvers } from './subscription.js';

/** Thin by design: arguments → one use case → payload. */
export const createResolvers = (useCases: OrdersUseCases): Resolvers => ({
  DateTime,
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Subscription: subscriptionResolvers,
  Checkout: createCheckoutResolvers(useCases),
  CheckoutItem: checkoutItemResolvers,
  PriceChange: priceChangeResolvers,
  Order: createOrderResolvers(useCases),
  OrderItem: orderItemResolvers,
  OrderStatusChange: orderStatusChangeResolvers,
  Customer: createCustomerResolvers(useCases),
  Money: moneyResolvers,
});
