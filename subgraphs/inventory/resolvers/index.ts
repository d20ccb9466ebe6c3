import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { InventoryUseCases } from '../use-cases/index.js';
import { createMutationResolvers } from './mutation.js';
import { createQueryResolvers } from './query.js';
import { DateTime } from '../../../platform/scalars.js';
import { productResolvers, stockMovementResolvers, warehouseResolvers, warehouseStockResolvers } from './types.js';

/** Thin by design: arguments → one use case (or loader) → payload. */
export const createResolvers = (useCases: InventoryUseCases): Resolvers => ({
  DateTime,
  Query: createQueryResolvers(useCases),
  Mutation: createMutationResolvers(useCases),
  Product: productResolvers,
  Warehouse: warehouseResolvers,
  WarehouseStock: warehouseStockResolvers,
  StockMovement: stockMovementResolvers,
});
