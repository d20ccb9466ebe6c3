import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { ProductOffer } from '../domain/cart.js';
import type { StockLevel } from '../domain/availability.js';
import type { ProductProjection, StockProjection } from '../domain/projections.js';
import { ProductProjectionEntity, StockProjectionEntity, type ProductProjectionRecord, type StockProjectionRecord } from './projection.entities.js';

/** The cart's projections of catalog products and inventory stock. */
export class ProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}".${name}`;
  }

  async findOffer(sku: string): Promise<ProductOffer | null> {
    const record = await this.em.findOne(ProductProjectionEntity, { sku });
    return record ? toProductProjection(record) : null;
  }

  async findStockLevel(sku: string): Promise<StockLevel | null> {
    const record = await this.em.findOne(StockProjectionEntity, { sku });
    return record ? { totalAvailable: record.totalAvailable, lowStock: record.lowStock, inStock: record.inStock } : null;
  }

  /**
   * Inside a transaction: the SKU's product row, created empty when missing, locked so two
   * events about one SKU apply one after the other.
   */
  async lockProduct(sku: string): Promise<ProductProjectionRecord> {
    await this.em.execute(`insert into ${this.table('product_projection')} (sku) values (?) on conflict do nothing`, [sku], 'run');
    return this.em.findOneOrFail(ProductProjectionEntity, { sku }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * The SKU's stock level as `level` says, unless the row already holds a newer announcement
   * (events about one SKU may be handled out of order): one upsert, whose conflict clause compares
   * versions under the row's lock. Versions compare byte-wise, as the domain's `isNewer` does.
   */
  async recordStockLevel(level: StockProjection): Promise<void> {
    await this.em.execute(
      `insert into ${this.table('stock_projection')} as s (sku, total_available, low_stock, in_stock, version) values (?, ?, ?, ?, ?)
       on conflict (sku) do update set total_available = excluded.total_available, low_stock = excluded.low_stock, in_stock = excluded.in_stock, version = excluded.version
       where s.version collate "C" < excluded.version collate "C"`,
      [level.sku, level.totalAvailable, level.lowStock, level.inStock, level.version],
      'run',
    );
  }
}

export function toProductProjection(record: ProductProjectionRecord): ProductProjection {
  return {
    sku: record.sku,
    name: record.name,
    price: record.priceCents === null || record.currency === null ? null : { cents: record.priceCents, currency: record.currency },
    status: record.status,
    detailsVersion: record.detailsVersion,
    priceVersion: record.priceVersion,
    statusVersion: record.statusVersion,
  };
}

