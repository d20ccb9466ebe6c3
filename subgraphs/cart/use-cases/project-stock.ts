import type { EntityManager } from '@mikro-orm/postgresql';
import type { StockLevel } from '../domain/availability.js';
import { applyStockLevel, type EventVersion } from '../domain/projections.js';
import { normaliseSku } from '../domain/sku.js';
import { ProjectionRepository, toStockProjection } from '../store/projection.repository.js';

/** Keeps the newest stock level announced for a SKU (inside the handler's transaction). */
export async function projectStockLevel(em: EntityManager, rawSku: string, level: StockLevel, version: EventVersion): Promise<void> {
  const sku = normaliseSku(rawSku);
  const record = await new ProjectionRepository(em).lockStock(sku);
  const next = applyStockLevel(toStockProjection(record), { sku, ...level, version });
  record.totalAvailable = next.totalAvailable;
  record.lowStock = next.lowStock;
  record.inStock = next.inStock;
  record.version = next.version;
}
