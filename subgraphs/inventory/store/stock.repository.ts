import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlText } from '../../../platform/prepared-statements.js';
import type { StockLevel } from '../domain/stock-level.js';
import { StockLevelEntity } from './stock-level.entity.js';
import { StockMovementEntity, type StockMovementRecord } from './stock-movement.entity.js';

const LEVEL_COLUMNS = 'sku, warehouse_id as "warehouseId", available, reserved, committed, shipped';

/**
 * Stock rows and their movement log. Every change goes through StockChanges (use-cases) and is
 * written with the rest of its transaction by inventory-write.statement.ts. Rows are locked in
 * one global order — (sku, warehouse_id) — by every transaction that locks more than one, so stock
 * writers queue behind each other instead of deadlocking.
 */
export class StockRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}".${name}`;
  }

  /** Opens zero rows for every (sku, warehouse) pair that has none; returns the pairs created. */
  async ensureRows(skus: readonly string[], warehouseIds: readonly string[]): Promise<{ sku: string; warehouseId: string }[]> {
    if (!skus.length || !warehouseIds.length) return [];
    return this.em.execute(
      `insert into ${this.table('stock_level')} (sku, warehouse_id)
       select s, w from unnest(array[?]::text[]) s cross join unnest(array[?]::text[]) w
       order by s, w
       on conflict do nothing
       returning sku, warehouse_id as "warehouseId"`,
      [[...skus], [...warehouseIds]],
    );
  }

  /**
   * The rows of SKUs whose total available (all warehouses) is below `threshold`, lowest first;
   * rows of a warehouse that never held the SKU (all buckets zero) are left out.
   */
  lowStockRows(threshold: number, limit: number): Promise<StockLevel[]> {
    return this.em.execute(
      `select ${LEVEL_COLUMNS} from ${this.table('stock_level')}
       where sku in (select sku from ${this.table('stock_level')} group by sku having sum(available) < ?)
         and available + reserved + committed + shipped > 0
       order by available, sku, warehouse_id
       limit ?`,
      [threshold, limit],
    );
  }

  /** Inside a transaction: locks every warehouse's row of these SKUs, in the global lock order. */
  lockSkus(skus: readonly string[]): Promise<StockLevel[]> {
    if (!skus.length) return Promise.resolve([]);
    const { sql, params } = this.lockSkusStatement(skus);
    return this.em.execute(sql, [...params]);
  }

  /** lockSkus as a statement, to be sent with another (executeTogether). At least one SKU. */
  lockSkusStatement(skus: readonly string[]): SqlText {
    return {
      sql: `select ${LEVEL_COLUMNS} from ${this.table('stock_level')}
            where sku in (?) order by sku, warehouse_id for update`,
      params: [[...skus]],
    };
  }

  /**
   * Locks every warehouse's row of the SKUs an order's reservation holds, which the statement reads
   * itself: sent right after the reservation's locking read, in the same message, it sees that row
   * as it stands once locked (a statement of its own, its own snapshot).
   */
  lockReservedSkusStatement(orderId: string): SqlText {
    return {
      sql: `select ${LEVEL_COLUMNS} from ${this.table('stock_level')} s
            where sku in (select line->>'sku' from ${this.table('reservation')} r cross join jsonb_array_elements(r.lines) line where r.order_id = ?)
            order by sku, warehouse_id for update of s`,
      params: [orderId],
    };
  }

  /** Whether the units of this return were restocked already (a redelivery under a new message id). */
  async hasReturnMovement(returnId: string): Promise<boolean> {
    const rows = await this.em.execute(`select 1 from ${this.table('stock_movement')} where kind = 'RETURNED' and reference = ? limit 1`, [returnId]);
    return rows.length > 0;
  }

  /** `sku|warehouseId` of the rows of these SKUs that the seed already stocked (its idempotency marker). */
  async seededRows(skus: readonly string[]): Promise<Set<string>> {
    if (!skus.length) return new Set();
    const rows = await this.em.execute<{ sku: string; warehouseId: string }[]>(
      `select distinct sku, warehouse_id as "warehouseId" from ${this.table('stock_movement')} where kind = 'SEEDED' and sku in (?)`,
      [[...skus]],
    );
    return new Set(rows.map((row) => `${row.sku}|${row.warehouseId}`));
  }

  /** Unlocked read of the rows of these SKUs (availability queries). */
  findBySkus(skus: readonly string[]): Promise<StockLevel[]> {
    if (!skus.length) return Promise.resolve([]);
    return this.em.find(StockLevelEntity, { sku: { $in: [...skus] } }, { orderBy: { sku: 'asc', warehouseId: 'asc' }, fields: ['sku', 'warehouseId', 'available', 'reserved', 'committed', 'shipped'] as never });
  }

  /** The newest movements of a SKU, optionally in one warehouse. */
  recentMovements(sku: string, warehouseId: string | null, limit: number): Promise<StockMovementRecord[]> {
    return this.em.find(StockMovementEntity, { sku, ...(warehouseId ? { warehouseId } : {}) }, { orderBy: { id: 'desc' }, limit });
  }
}
