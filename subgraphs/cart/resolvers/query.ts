import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { CartUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: CartUseCases): QueryResolvers => ({
  cart: (_root, { id }, ctx) => useCases.readCart(ctx, id),
  myCart: (_root, _args, ctx) => useCases.readMyCart(ctx),
});
