import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { StockLevel } from '../domain/availability.js';
import { isNewer, type EventVersion, type StockProjection } from '../domain/projections.js';
import { normaliseSku } from '../domain/sku.js';
import { stockLevelsUpsert } from '../store/projection.repository.js';

export interface StockAnnouncement {
  sku: string;
  level: StockLevel;
  version: EventVersion;
}

/** Keeps the newest stock level announced for each SKU: one upsert of the newest per SKU. */
export function stockLevelsStatement(schema: string, announcements: readonly StockAnnouncement[]): SqlStatement {
  return stockLevelsUpsert(schema, newestPerSku(announcements));
}

/** Of several announcements, the newest for each SKU (SKUs normalised), in the order first seen. */
export function newestPerSku(announcements: readonly StockAnnouncement[]): StockProjection[] {
  const newest = new Map<string, StockProjection>();
  for (const { sku: rawSku, level, version } of announcements) {
    const sku = normaliseSku(rawSku);
    const held = newest.get(sku);
    if (!held || isNewer(version, held.version)) newest.set(sku, { sku, ...level, version });
  }
  return [...newest.values()];
}
