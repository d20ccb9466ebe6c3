import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { FulfillmentUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: FulfillmentUseCases): QueryResolvers => ({
  shipment: (_root, { id }, ctx) => useCases.readShipment(ctx, id),
  shipments: (_root, { status, warehouseId, first, after }, ctx) => useCases.listShipments(ctx, { status, warehouseId, first, after }),
});
