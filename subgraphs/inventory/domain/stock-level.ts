/**
 * Stock of one SKU in one warehouse, in four buckets. Units move between buckets as orders go
 * through their lifecycle; only receiving and adjusting create or remove units. So for every
 * row: received + adjustments = available + reserved + committed + shipped.
 */
export interface StockBuckets {
  available: number;
  reserved: number;
  committed: number;
  shipped: number;
}

export type Bucket = keyof StockBuckets;

export const BUCKETS: readonly Bucket[] = ['available', 'reserved', 'committed', 'shipped'];

/** A change to some buckets of one row; absent buckets are unchanged. */
export type StockDelta = Partial<Record<Bucket, number>>;

export interface StockLevel extends StockBuckets {
  sku: string;
  warehouseId: string;
}

export const EMPTY_BUCKETS: StockBuckets = Object.freeze({ available: 0, reserved: 0, committed: 0, shipped: 0 });

/** The buckets after a delta, or the first bucket the delta would take below zero. */
export function applyDelta(buckets: StockBuckets, delta: StockDelta): { ok: true; value: StockBuckets } | { ok: false; bucket: Bucket } {
  const value = { ...buckets };
  for (const bucket of BUCKETS) {
    value[bucket] += delta[bucket] ?? 0;
    if (value[bucket] < 0) return { ok: false, bucket };
  }
  return { ok: true, value };
}

/** Units of one SKU in one warehouse moving from one bucket to another. */
export const moveUnits = (from: Bucket, to: Bucket, quantity: number): StockDelta => ({ [from]: -quantity, [to]: quantity });

// ---------------------------------------------------------------- availability and low stock

/** Below this many units available in total (all warehouses), a SKU is low on stock. */
export const LOW_STOCK_THRESHOLD = 10;

export interface Availability {
  totalAvailable: number;
  inStock: boolean;
  /** 0 < totalAvailable < LOW_STOCK_THRESHOLD: sellable, but may run out. Out of stock is not "low". */
  lowStock: boolean;
}

export function availabilityOf(totalAvailable: number): Availability {
  return {
    totalAvailable,
    inStock: totalAvailable > 0,
    lowStock: totalAvailable > 0 && totalAvailable < LOW_STOCK_THRESHOLD,
  };
}

export const totalAvailable = (levels: readonly Pick<StockLevel, 'available'>[]): number => levels.reduce((sum, l) => sum + l.available, 0);

/**
 * What a change of a SKU's total available announces:
 * - `levelChanged` whenever the total changed at all (other contexts' projections);
 * - `lowStockCrossed` when it went from ≥ threshold to below it — including straight to zero — and
 *   only then: falling further while already low, or rising, raises no new alert.
 */
export function stockSignals(before: number, after: number): { levelChanged: boolean; lowStockCrossed: boolean } {
  return {
    levelChanged: before !== after,
    lowStockCrossed: before >= LOW_STOCK_THRESHOLD && after < LOW_STOCK_THRESHOLD,
  };
}
