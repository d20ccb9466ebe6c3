import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObservedStock } from '../domain/alert-causes.js';
import { ADVISORY_LOCK_SQL } from '../../../platform/advisory-locks.js';

/**
 * The lock that orders a SKU's low-stock alert against its stock levels: LowStockDetected's handler
 * takes it before it looks for a newer level (HandlerOptions.lockKey), the levels' handler when it
 * records them (`observe`). Without it a recovery could be handled between the two steps of an
 * alert being raised, see no alert, and leave it open.
 */
export const skuStockLockKey = (sku: string): string => `sku-stock:${sku}`;

/** The latest stock level seen per SKU, by the time inventory observed it (handlers run in any order). */
export class SkuStockRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /**
   * Records each level unless a later one is known for its SKU, in one statement (at most one level
   * per SKU: an upsert cannot change a row twice); the SKUs whose level is now the latest. The same
   * statement takes the transaction's lock on each SKU (skuStockLockKey, in key order), so the
   * caller's next statement reads the SKUs' alerts after any LowStockDetected handling of them
   * that got there first has committed.
   */
  async observe(levels: readonly ObservedStock[]): Promise<Set<string>> {
    if (!levels.length) return new Set();
    const keys = [...new Set(levels.map((level) => skuStockLockKey(level.sku)))].sort();
    // scalar subqueries of a one-row select: both run, whatever the upsert returns
    const [row] = await this.em.execute<{ skus: string[] | null }[]>(
      `with locked as materialized (
         select ${ADVISORY_LOCK_SQL.replace('?', 'k')} from (select k from unnest(array[?]::text[]) with ordinality as t(k, n) order by n) keys),
       observed as (
         insert into "${this.schema}".sku_stock (sku, total_available, observed_at) values ${levels.map(() => '(?, ?, ?)').join(', ')}
         on conflict (sku) do update set total_available = excluded.total_available, observed_at = excluded.observed_at
         where sku_stock.observed_at <= excluded.observed_at
         returning sku)
       select (select count(*) from locked) as locks, (select array_agg(sku) from observed) as skus`,
      [keys, ...levels.flatMap((level) => [level.sku, level.totalAvailable, level.observedAt])],
    );
    return new Set(row?.skus ?? []);
  }

  /** The latest level seen after `since`, if any. */
  async seenAfter(sku: string, since: Date): Promise<number | null> {
    const rows = await this.em.execute<{ total_available: number }[]>(
      `select total_available from "${this.schema}".sku_stock where sku = ? and observed_at > ?`,
      [sku, since],
    );
    return rows[0]?.total_available ?? null;
  }
}
