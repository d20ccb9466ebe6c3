import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '../../../events/contract.js';
import { recordEvent } from '../../../events/outbox.js';
import { LowStockDetected, StockLevelChanged } from '../../../events/contracts/inventory/index.js';
import { applyDelta, availabilityOf, stockSignals, totalAvailable, type StockDelta, type StockLevel } from '../domain/stock-level.js';
import type { StockRepository } from '../store/stock.repository.js';
import type { MovementInfo } from '../store/stock-movement.entity.js';

const key = (sku: string, warehouseId: string) => `${sku}|${warehouseId}`;

/**
 * One transaction's view of the stock it changes: locks the rows of the SKUs involved (every
 * warehouse, so totals are exact), applies deltas through the repository (row + movement log),
 * and at the end records StockLevelChanged / LowStockDetected for each SKU whose total moved.
 */
export class StockChanges {
  private readonly totalsBefore = new Map<string, number>();
  private readonly rows = new Map<string, StockLevel>();

  constructor(private readonly stock: StockRepository) {}

  async lock(skus: readonly string[]): Promise<StockLevel[]> {
    const locked = await this.stock.lockSkus(skus);
    for (const row of locked) this.rows.set(key(row.sku, row.warehouseId), row);
    for (const sku of skus) {
      if (!this.totalsBefore.has(sku)) this.totalsBefore.set(sku, totalAvailable(locked.filter((row) => row.sku === sku)));
    }
    return locked;
  }

  /** A locked row as it stands in this transaction. */
  level(sku: string, warehouseId: string): StockLevel | undefined {
    return this.rows.get(key(sku, warehouseId));
  }

  async apply(sku: string, warehouseId: string, delta: StockDelta, movement: MovementInfo): Promise<StockLevel> {
    const row = this.level(sku, warehouseId);
    if (!row) throw new Error(`stock row ${sku} at ${warehouseId} is not locked by this transaction`);
    // callers decide with the locked rows first; reaching this is a bug, not a business outcome
    const next = applyDelta(row, delta);
    if (!next.ok) throw new Error(`stock of ${sku} at ${warehouseId} would go below zero in ${next.bucket}`);
    const updated = await this.stock.apply(sku, warehouseId, delta, movement);
    this.rows.set(key(sku, warehouseId), updated);
    return updated;
  }

  /** Outbox events for every SKU whose total available changed in this transaction. */
  recordSignals(em: EntityManager, eventNamespace: string, meta: EventMetadata): void {
    for (const [sku, before] of this.totalsBefore) {
      const after = totalAvailable([...this.rows.values()].filter((row) => row.sku === sku));
      const signals = stockSignals(before, after);
      if (signals.levelChanged) recordEvent(em, eventNamespace, StockLevelChanged, { sku, ...availabilityOf(after) }, meta);
      if (signals.lowStockCrossed) recordEvent(em, eventNamespace, LowStockDetected, { sku, totalAvailable: after }, meta);
    }
  }
}
