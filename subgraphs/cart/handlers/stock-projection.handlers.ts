import { project, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import type { Envelope, PayloadOf } from '../../../events/contract.js';
import { StockLevelChanged } from '../../../events/contracts/inventory/stock-level-changed.event.js';
import { eventVersion } from '../domain/projections.js';
import { stockLevelsStatement, stockLevelStatement, type StockAnnouncement } from '../use-cases/project-stock.js';

/** Inventory's stock levels → the cart's stock projection (the source of OUT_OF_STOCK / LOW_STOCK warnings). */
export function stockProjectionHandlers(): EventHandler[] {
  return [
    project(
      StockLevelChanged,
      { name: 'stock-projection-on-stock-level-changed', ...PROJECTION_BATCH },
      (event, schema) => stockLevelStatement(schema, announcement(event)),
      // a batch: one upsert of the newest level per SKU
      (events, schema) => stockLevelsStatement(schema, events.map(announcement)),
    ),
  ];
}

function announcement(event: Envelope<PayloadOf<typeof StockLevelChanged>>): StockAnnouncement {
  const { sku, totalAvailable, lowStock, inStock } = event.payload;
  return { sku, level: { totalAvailable, lowStock, inStock }, version: eventVersion(event.occurredAt, event.id) };
}
