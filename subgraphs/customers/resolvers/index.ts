import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Query } from './query.js';
import { Mutation } from './mutation.js';
import { Customer } from './customer.js';
import { DateTime } from '../../../platform/scalars.js';

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Customer,
};
