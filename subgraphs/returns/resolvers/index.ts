import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import type { ReturnsUseCases } from '../use-cases/index.js';
import { createMutationResolvers } from './mutation.js';
import { createQueryResolvers } from './query.js';
import { createOrderResolvers, createReturnResolvers, moneyResolvers, returnItemResolvers } from './types.js';

/** Thin by design: arguments → one use case (or loader) → payload. */
export const createResolvers = (useCases: ReturnsUseCases): Resolvers => ({
  DateTime,
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Order: createOrderResolvers(useCases),
  Return: createReturnResolvers(useCases),
  ReturnItem: returnItemResolvers,
  Money: moneyResolvers,
});
