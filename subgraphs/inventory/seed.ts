import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../platform/logger.js';
import { WAREHOUSE_IDS, type WarehouseId } from './domain/warehouses.js';
import { INVENTORY_SEED_STOCK } from './seed-data.js';
import { writeInventory } from './store/inventory-write.statement.js';
import { StockRepository } from './store/stock.repository.js';
import { StockChanges } from './use-cases/stock-changes.js';
import { SYSTEM_ACTOR } from './use-cases/scope.js';

/**
 * Idempotent: gives each seed (SKU, warehouse) its opening quantity once — a SEEDED movement
 * marks it done, so later sales or staff changes are never undone by a restart. Opens the rows
 * (catalog's ProductCreated may not have arrived yet; whichever comes first creates them), moves
 * the units with movements and records the stock signals, all in one transaction. Replicas
 * seeding at once queue on an advisory lock.
 */
export async function seedStock(em: EntityManager, eventNamespace: string, log: Logger, stock: Readonly<Record<string, Record<WarehouseId, number>>> = INVENTORY_SEED_STOCK): Promise<number> {
  const skus = Object.keys(stock).sort();
  const seeded = await em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtextextended('inventory.seed', 0))`);
    const repository = new StockRepository(tx);
    await repository.ensureRows(skus, WAREHOUSE_IDS);
    const done = await repository.seededRows(skus);
    const changes = new StockChanges(repository);
    await changes.lock(skus);
    let rows = 0;
    for (const sku of skus) {
      for (const warehouseId of WAREHOUSE_IDS) {
        const quantity = stock[sku]![warehouseId];
        if (quantity <= 0 || done.has(`${sku}|${warehouseId}`)) continue;
        changes.apply(sku, warehouseId, { available: quantity }, { kind: 'SEEDED', actor: SYSTEM_ACTOR, reason: 'opening stock', reference: null });
        rows++;
      }
    }
    await writeInventory(tx, { stock: changes.rowChanges, movements: changes.movements, outbox: changes.signals(eventNamespace, {}) });
    return rows;
  });
  log.info({ rows: seeded, skus: skus.length }, 'stock seeded');
  return seeded;
}
