import { isStaff } from '../../../platform/auth.js';
import { normaliseSku } from '../domain/sku.js';
import { availabilityOf, totalAvailable, type Availability, type StockLevel } from '../domain/stock-level.js';
import { StockRepository } from '../store/stock.repository.js';
import type { InventoryScope } from './scope.js';

export interface AvailabilityView extends Availability {
  /** Per warehouse; staff only (empty for shoppers: where stock sits is internal). */
  byWarehouse: StockLevel[];
}

/** Availability of many SKUs at once (one query), in the order asked. Unknown SKUs have none. */
export async function readAvailability(scope: InventoryScope, skus: readonly string[]): Promise<AvailabilityView[]> {
  const wanted = skus.map(normaliseSku);
  const rows = await new StockRepository(scope.em).findBySkus([...new Set(wanted)]);
  const staff = isStaff(scope.caller);
  return wanted.map((sku) => {
    const levels = rows.filter((row) => row.sku === sku);
    return { ...availabilityOf(totalAvailable(levels)), byWarehouse: staff ? levels : [] };
  });
}
