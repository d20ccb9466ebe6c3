import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { ReturnsUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: ReturnsUseCases): MutationResolvers => ({
  requestReturn: (_root, { orderId, items, comment }, ctx) => useCases.requestReturn(ctx, { orderId, items, comment }),
  approveReturn: (_root, { returnId }, ctx) => useCases.approveReturn(ctx, returnId),
  rejectReturn: (_root, { returnId, reason }, ctx) => useCases.rejectReturn(ctx, { returnId, reason }),
  receiveReturn: (_root, { returnId, items }, ctx) => useCases.receiveReturn(ctx, { returnId, items }),
});
