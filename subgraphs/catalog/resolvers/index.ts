import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { CatalogUseCases } from '../use-cases/index.js';
import { moneyResolvers } from './money.js';
import { createMutationResolvers } from './mutation.js';
import { productResolvers } from './product.js';
import { createQueryResolvers } from './query.js';

/** Thin by design: arguments → one use case (or loader) → payload. */
export const createResolvers = (useCases: CatalogUseCases): Resolvers => ({
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Product: productResolvers,
  Money: moneyResolvers,
});
