import { handle, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { StockLevelChanged } from '../../../events/contracts/inventory/stock-level-changed.event.js';
import { eventVersion } from '../domain/projections.js';
import { projectStockLevel } from '../use-cases/project-stock.js';

/** Inventory's stock levels → the cart's stock projection (the source of OUT_OF_STOCK / LOW_STOCK warnings). */
export function stockProjectionHandlers(): EventHandler[] {
  return [
    handle(StockLevelChanged, { name: 'stock-projection-on-stock-level-changed', ...PROJECTION_BATCH }, (event, { em }) => {
      const { sku, totalAvailable, lowStock, inStock } = event.payload;
      return projectStockLevel(em, sku, { totalAvailable, lowStock, inStock }, eventVersion(event.occurredAt, event.id));
    }),
  ];
}
