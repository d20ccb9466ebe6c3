import { project, BACKGROUND_PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import type { Envelope, PayloadOf } from '../../../events/contract.js';
import { StockLevelChanged } from '../../../events/contracts/inventory/stock-level-changed.event.js';
import { StockLevelsChanged } from '../../../events/contracts/inventory/stock-levels-changed.event.js';
import { eventVersion } from '../domain/projections.js';
import { stockLevelsStatement, type StockAnnouncement } from '../use-cases/project-stock.js';

/** Inventory's stock levels → the cart's stock projection (the source of OUT_OF_STOCK / LOW_STOCK warnings). */
export function stockProjectionHandlers(): EventHandler[] {
  return [
    project(
      StockLevelsChanged,
      { name: 'stock-projection-on-stock-levels-changed', ...BACKGROUND_PROJECTION_BATCH },
      (event, schema) => stockLevelsStatement(schema, announcements(event)),
      // a batch: one upsert of the newest level per SKU
      (events, schema) => stockLevelsStatement(schema, events.flatMap(announcements)),
    ),
    // the one-per-SKU events inventory recorded before StockLevelsChanged (still in the stream)
    project(
      StockLevelChanged,
      { name: 'stock-projection-on-stock-level-changed', ...BACKGROUND_PROJECTION_BATCH },
      (event, schema) => stockLevelsStatement(schema, [announcement(event.payload, event)]),
      (events, schema) => stockLevelsStatement(schema, events.map((event) => announcement(event.payload, event))),
    ),
  ];
}

type Level = PayloadOf<typeof StockLevelsChanged>['levels'][number];

/** Every level of the event carries the event's version: the newest event wins, SKU by SKU. */
function announcements(event: Envelope<PayloadOf<typeof StockLevelsChanged>>): StockAnnouncement[] {
  return event.payload.levels.map((level) => announcement(level, event));
}

function announcement({ sku, totalAvailable, lowStock, inStock }: Level, event: Envelope): StockAnnouncement {
  return { sku, level: { totalAvailable, lowStock, inStock }, version: eventVersion(event.occurredAt, event.id) };
}
