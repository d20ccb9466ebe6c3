import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { InventoryUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: InventoryUseCases): MutationResolvers => ({
  receiveStock: (_root, { sku, warehouseId, quantity, reference }, ctx) => useCases.receiveStock(ctx, { sku, warehouseId, quantity, reference }),
  adjustStock: (_root, { sku, warehouseId, delta, reason }, ctx) => useCases.adjustStock(ctx, { sku, warehouseId, delta, reason }),
});
