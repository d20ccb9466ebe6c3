import type { EntityManager } from '@mikro-orm/postgresql';

/** The latest stock level seen per SKU, by the time inventory observed it (handlers run in any order). */
export class SkuStockRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /** Records a level unless a later one is known; true when this is now the latest. */
  async observe(sku: string, totalAvailable: number, observedAt: Date): Promise<boolean> {
    const rows = await this.em.execute<{ sku: string }[]>(
      `insert into "${this.schema}".sku_stock (sku, total_available, observed_at) values (?, ?, ?)
       on conflict (sku) do update set total_available = excluded.total_available, observed_at = excluded.observed_at
       where sku_stock.observed_at <= excluded.observed_at
       returning sku`,
      [sku, totalAvailable, observedAt],
    );
    return rows.length > 0;
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
