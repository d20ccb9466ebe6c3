import type { EventMetadata, PayloadOf } from '../../../events/contract.js';
import { outboxRow, type PendingOutboxRow } from '../../../events/outbox.js';
import { LowStockDetected, StockLevelsChanged } from '../../../events/contracts/inventory/index.js';
import { applyDelta, availabilityOf, BUCKETS, EMPTY_BUCKETS, stockSignals, totalAvailable, type StockBuckets, type StockDelta, type StockLevel } from '../domain/stock-level.js';
import type { StockMovement, StockRowChange } from '../store/inventory-write.statement.js';
import type { StockRepository } from '../store/stock.repository.js';
import type { MovementInfo } from '../store/stock-movement.entity.js';

const key = (sku: string, warehouseId: string) => `${sku}|${warehouseId}`;

/**
 * One transaction's view of the stock it changes: locks the rows of the SKUs involved (every
 * warehouse, so totals are exact), applies deltas to them in memory (the rows are locked, so that
 * is what will land) and keeps the net change of each row and the movement log lines for the
 * transaction's one write (store/inventory-write.statement.ts); at the end, `signals` gives the
 * StockLevelsChanged / LowStockDetected events of the SKUs whose totals moved.
 */
export class StockChanges {
  private readonly totalsBefore = new Map<string, number>();
  private readonly rows = new Map<string, StockLevel>();
  private readonly changed = new Map<string, StockRowChange>();
  private readonly logged: StockMovement[] = [];

  constructor(private readonly stock: StockRepository) {}

  /** Locks the rows of those of `skus` this transaction does not hold yet (one statement, or none). */
  async lock(skus: readonly string[]): Promise<void> {
    const missing = skus.filter((sku) => !this.totalsBefore.has(sku));
    if (missing.length) this.hold(await this.stock.lockSkus(missing), missing);
  }

  /** Every warehouse's row of `skus`, which the caller's statement locked (the order's read and the stock lock in one message). */
  hold(locked: readonly StockLevel[], skus: readonly string[]): void {
    for (const row of locked) this.rows.set(key(row.sku, row.warehouseId), row);
    for (const sku of skus) {
      if (!this.totalsBefore.has(sku)) this.totalsBefore.set(sku, totalAvailable(locked.filter((row) => row.sku === sku)));
    }
  }

  /** A locked row as it stands in this transaction. */
  level(sku: string, warehouseId: string): StockLevel | undefined {
    return this.rows.get(key(sku, warehouseId));
  }

  apply(sku: string, warehouseId: string, delta: StockDelta, movement: MovementInfo): StockLevel {
    const row = this.level(sku, warehouseId);
    if (!row) throw new Error(`stock row ${sku} at ${warehouseId} is not locked by this transaction`);
    // callers decide with the locked rows first; reaching this is a bug, not a business outcome
    const next = applyDelta(row, delta);
    if (!next.ok) throw new Error(`stock of ${sku} at ${warehouseId} would go below zero in ${next.bucket}`);
    const updated = { sku, warehouseId, ...next.value };
    this.rows.set(key(sku, warehouseId), updated);
    const full = { ...EMPTY_BUCKETS, ...delta } as StockBuckets;
    const change = this.changed.get(key(sku, warehouseId)) ?? { sku, warehouseId, delta: { ...EMPTY_BUCKETS } };
    for (const bucket of BUCKETS) change.delta[bucket] += full[bucket];
    this.changed.set(key(sku, warehouseId), change);
    this.logged.push({ sku, warehouseId, delta: full, ...movement });
    return updated;
  }

  /** The net change of every row this transaction changed, each once. */
  get rowChanges(): StockRowChange[] {
    return [...this.changed.values()];
  }

  /** The movement log lines, in the order the changes were applied. */
  get movements(): StockMovement[] {
    return [...this.logged];
  }

  /**
   * Outbox rows for the SKUs whose total available changed in this transaction: one
   * StockLevelsChanged listing their new levels, then a LowStockDetected for each that crossed
   * below the threshold.
   */
  signals(eventNamespace: string, meta: EventMetadata): PendingOutboxRow[] {
    const levels: PayloadOf<typeof StockLevelsChanged>['levels'] = [];
    const lowStock: PendingOutboxRow[] = [];
    for (const [sku, before] of this.totalsBefore) {
      const after = totalAvailable([...this.rows.values()].filter((row) => row.sku === sku));
      const signals = stockSignals(before, after);
      if (signals.levelChanged) levels.push({ sku, ...availabilityOf(after) });
      if (signals.lowStockCrossed) lowStock.push(outboxRow(eventNamespace, LowStockDetected, { sku, totalAvailable: after }, meta));
    }
    return [...(levels.length ? [outboxRow(eventNamespace, StockLevelsChanged, { levels }, meta)] : []), ...lowStock];
  }
}
