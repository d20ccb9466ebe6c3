import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { CartUseCases } from '../use-cases/index.js';
import { cartItemResolvers, createCartResolvers } from './cart.js';
import { moneyResolvers } from './money.js';
import { createMutationResolvers } from './mutation.js';
import { createQueryResolvers } from './query.js';
import { DateTime } from '../../../platform/scalars.js';
import { subscriptionResolvers } from './subscription.js';

/** Thin by design: arguments → one use case → payload. */
export const createResolvers = (useCases: CartUseCases, settings: { guestTtlMs: number }): Resolvers => ({
  DateTime,
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Subscription: subscriptionResolvers,
  Cart: createCartResolvers(settings),
  CartItem: cartItemResolvers,
  Money: moneyResolvers,
});
