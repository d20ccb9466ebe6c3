import { requireStaff } from '../../../platform/auth.js';
import { normaliseSku } from '../domain/sku.js';
import { StockRepository } from '../store/stock.repository.js';
import type { StockMovementRecord } from '../store/stock-movement.entity.js';
import type { InventoryScope } from './scope.js';

export const MAX_MOVEMENTS_PAGE = 200;

/** WAREHOUSE/ADMIN: the newest entries of a SKU's movement log (who, why, when, how much). */
export async function readMovements(scope: InventoryScope, sku: string, warehouseId: string | null, first: number): Promise<StockMovementRecord[]> {
  requireStaff(scope.caller, 'WAREHOUSE');
  const limit = Math.min(Math.max(Math.trunc(first), 1), MAX_MOVEMENTS_PAGE);
  return new StockRepository(scope.em).recentMovements(normaliseSku(sku), warehouseId?.trim().toUpperCase() || null, limit);
}
