import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { StockLevel } from '../domain/availability.js';
import type { EventVersion } from '../domain/projections.js';
import { normaliseSku } from '../domain/sku.js';
import { stockLevelUpsert } from '../store/projection.repository.js';

/** Keeps the newest stock level announced for a SKU. */
export function stockLevelStatement(schema: string, rawSku: string, level: StockLevel, version: EventVersion): SqlStatement {
  return stockLevelUpsert(schema, { sku: normaliseSku(rawSku), ...level, version });
}
