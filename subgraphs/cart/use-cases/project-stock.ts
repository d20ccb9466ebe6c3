import type { EntityManager } from '@mikro-orm/postgresql';
import type { StockLevel } from '../domain/availability.js';
import type { EventVersion } from '../domain/projections.js';
import { normaliseSku } from '../domain/sku.js';
import { ProjectionRepository } from '../store/projection.repository.js';

/** Keeps the newest stock level announced for a SKU (inside the handler's transaction). */
export async function projectStockLevel(em: EntityManager, rawSku: string, level: StockLevel, version: EventVersion): Promise<void> {
  await new ProjectionRepository(em).recordStockLevel({ sku: normaliseSku(rawSku), ...level, version });
}
