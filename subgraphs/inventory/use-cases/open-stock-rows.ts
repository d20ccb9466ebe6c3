import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseSku } from '../domain/sku.js';
import { WAREHOUSE_IDS } from '../domain/warehouses.js';
import { StockRepository } from '../store/stock.repository.js';

/**
 * A product entered the catalogue: it gets an empty stock row in every warehouse, so staff can
 * receive units for it and availability reads 0 (out of stock) until they do. Idempotent.
 */
export async function openStockRows(em: EntityManager, sku: string): Promise<number> {
  const created = await new StockRepository(em).ensureRows([normaliseSku(sku)], WAREHOUSE_IDS);
  return created.length;
}
