import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { FulfillmentUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: FulfillmentUseCases): MutationResolvers => ({
  dispatchShipment: (_root, { shipmentId, carrier }, ctx) => useCases.dispatchShipment(ctx, { shipmentId, carrier }),
  recordDeliveryAttempt: (_root, { shipmentId, delivered, note }, ctx) => useCases.recordDeliveryAttempt(ctx, { shipmentId, delivered, note }),
});
