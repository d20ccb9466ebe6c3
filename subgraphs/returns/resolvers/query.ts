import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { ReturnsUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: ReturnsUseCases): QueryResolvers => ({
  return: (_root, { id }, ctx) => useCases.readReturn(ctx, id),
  returns: (_root, { status, first, after }, ctx) => useCases.listReturns(ctx, { status, first, after }),
});
