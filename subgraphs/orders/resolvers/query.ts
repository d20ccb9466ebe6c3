import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { OrdersUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: OrdersUseCases): QueryResolvers => ({
  checkout: (_root, { id }, ctx) => useCases.readCheckout(ctx, id),
  order: (_root, { id }, ctx) => useCases.readOrder(ctx, id),
  myOrders: (_root, { first, after }, ctx) => useCases.readMyOrders(ctx, first, after),
  orders: (_root, { status, number, first, after, oldestFirst }, ctx) => useCases.readAllOrders(ctx, { status, number, oldestFirst: oldestFirst ?? false }, first, after),
});
