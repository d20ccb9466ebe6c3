import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { currentCustomer, customerForStaff, searchCustomersForStaff } from '../use-cases/read-customers.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, ctx) => currentCustomer(ctx),
  customer: (_parent, { id }, ctx) => customerForStaff(ctx, id),
  customers: (_parent, { email, first }, ctx) => searchCustomersForStaff(ctx, email, first ?? 20),
};
