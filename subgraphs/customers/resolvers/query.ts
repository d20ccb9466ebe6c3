import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { currentCustomer, customerForStaff } from '../use-cases/read-customers.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, ctx) => currentCustomer(ctx),
  customer: (_parent, { id }, ctx) => customerForStaff(ctx, id),
};
