import type { ProductResolvers, StockMovementResolvers, WarehouseResolvers, WarehouseStockResolvers } from '../__generated__/resolvers-types.js';
import { normaliseSku } from '../domain/sku.js';
import { findWarehouse, type Warehouse } from '../domain/warehouses.js';

/** Rows only ever name the four sites (foreign keys); a miss is a bug, not a null. */
const warehouseOf = (id: string): Warehouse => {
  const warehouse = findWarehouse(id);
  if (!warehouse) throw new Error(`unknown warehouse ${id}`);
  return warehouse;
};

export const productResolvers: ProductResolvers = {
  // any SKU resolves: a product without stock rows simply has nothing available
  __resolveReference: (reference) => ({ sku: normaliseSku(reference.sku) }),
  availability: (product, _args, ctx) => ctx.loaders.availabilityBySku.load(product.sku),
};

export const warehouseResolvers: WarehouseResolvers = {
  __resolveReference: (reference) => findWarehouse(reference.id) ?? null,
  servesRegions: (warehouse) => [...warehouse.servesRegions],
};

export const warehouseStockResolvers: WarehouseStockResolvers = {
  warehouse: (stock) => warehouseOf(stock.warehouseId),
};

export const stockMovementResolvers: StockMovementResolvers = {
  id: (movement) => String(movement.id),
  warehouse: (movement) => warehouseOf(movement.warehouseId),
};
