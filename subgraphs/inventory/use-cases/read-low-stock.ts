import { requireStaff } from '../../../platform/auth.js';
import { LOW_STOCK_THRESHOLD, type StockLevel } from '../domain/stock-level.js';
import { StockRepository } from '../store/stock.repository.js';
import type { InventoryScope } from './scope.js';

export const LOW_STOCK_LIST_MAX = 500;

/**
 * Staff: the stock rows of every SKU whose total available is below the low-stock threshold (SPEC
 * §4: 10; out of stock included), lowest first, so whoever restocks sees where units are left.
 */
export async function readLowStock(scope: InventoryScope): Promise<StockLevel[]> {
  requireStaff(scope.caller, 'WAREHOUSE', 'CUSTOMER_SERVICE', 'CATALOG_MANAGER');
  return new StockRepository(scope.em).lowStockRows(LOW_STOCK_THRESHOLD, LOW_STOCK_LIST_MAX);
}
