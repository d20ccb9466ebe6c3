import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObservedStock } from '../domain/alert-causes.js';

/** The latest stock level seen per SKU, by the time inventory observed it (handlers run in any order). */
export class SkuStockRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /**
   * Records each level unless a later one is known for its SKU, in one statement (at most one level
   * per SKU: an upsert cannot change a row twice); the SKUs whose level is now the latest.
   */
  async observe(levels: readonly ObservedStock[]): Promise<Set<string>> {
    if (!levels.length) return new Set();
    const rows = await this.em.execute<{ sku: string }[]>(
      `insert into "${this.schema}".sku_stock (sku, total_available, observed_at) values ${levels.map(() => '(?, ?, ?)').join(', ')}
       on conflict (sku) do update set total_available = excluded.total_available, observed_at = excluded.observed_at
       where sku_stock.observed_at <= excluded.observed_at
       returning sku`,
      levels.flatMap((level) => [level.sku, level.totalAvailable, level.observedAt]),
    );
    return new Set(rows.map((row) => row.sku));
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
