import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { InventoryUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: InventoryUseCases): QueryResolvers => ({
  warehouses: () => useCases.listWarehouses(),
  lowStock: (_root, _args, ctx) => useCases.readLowStock(ctx),
  stockMovements: (_root, { sku, warehouseId, first }, ctx) => useCases.readMovements(ctx, sku, warehouseId ?? null, first ?? 50),
});
