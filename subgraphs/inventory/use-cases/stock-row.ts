import { notFound } from '../../../platform/errors.js';
import type { StockLevel } from '../domain/stock-level.js';
import { findWarehouse } from '../domain/warehouses.js';
import type { StockChanges } from './stock-changes.js';

/**
 * For staff changes to one (SKU, warehouse): locks the SKU's rows in every warehouse (totals stay
 * exact for the stock signals) and returns this one. A well-formed id of something inventory does
 * not have is NOT_FOUND: an unknown warehouse, or a SKU the catalogue never created.
 */
export async function lockStockRow(changes: StockChanges, sku: string, warehouseId: string): Promise<StockLevel> {
  if (!findWarehouse(warehouseId)) throw notFound(`Warehouse ${warehouseId}`);
  await changes.lock([sku]);
  const row = changes.level(sku, warehouseId);
  if (!row) throw notFound(`Product ${sku}`);
  return row;
}
