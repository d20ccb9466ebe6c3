import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { FulfillmentUseCases } from '../use-cases/index.js';
import { createMutationResolvers } from './mutation.js';
import { createQueryResolvers } from './query.js';
import { DateTime } from '../../../platform/scalars.js';
import { createOrderResolvers, shipmentEventResolvers, shipmentItemResolvers, shipmentResolvers } from './types.js';

/** Thin by design: arguments → one use case (or loader) → payload. */
export const createResolvers = (useCases: FulfillmentUseCases): Resolvers => ({
  DateTime,
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Order: createOrderResolvers(useCases),
  Shipment: shipmentResolvers,
  ShipmentItem: shipmentItemResolvers,
  ShipmentEvent: shipmentEventResolvers,
});
