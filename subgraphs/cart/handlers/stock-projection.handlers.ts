import { project, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { StockLevelChanged } from '../../../events/contracts/inventory/stock-level-changed.event.js';
import { eventVersion } from '../domain/projections.js';
import { stockLevelStatement } from '../use-cases/project-stock.js';

/** Inventory's stock levels → the cart's stock projection (the source of OUT_OF_STOCK / LOW_STOCK warnings). */
export function stockProjectionHandlers(): EventHandler[] {
  return [
    project(StockLevelChanged, { name: 'stock-projection-on-stock-level-changed', ...PROJECTION_BATCH }, (event, schema) => {
      const { sku, totalAvailable, lowStock, inStock } = event.payload;
      return stockLevelStatement(schema, sku, { totalAvailable, lowStock, inStock }, eventVersion(event.occurredAt, event.id));
    }),
  ];
}
