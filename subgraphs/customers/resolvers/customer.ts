import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import { addressBookOf, customerByReference } from '../use-cases/read-customers.js';

export const Customer: CustomerResolvers = {
  __resolveReference: (reference, ctx) => customerByReference(ctx, reference.id),
  addresses: (customer, _args, ctx) => addressBookOf(ctx, customer),
};
