import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { ProductOffer } from '../domain/cart.js';
import type { StockLevel } from '../domain/availability.js';
import type { ProductProjection, StockProjection } from '../domain/projections.js';
import { ProductProjectionEntity, StockProjectionEntity, type ProductProjectionRecord } from './projection.entities.js';

/** A SKU's stock level as columns of a larger select (`s.sku as stock_sku, s.total_available, s.low_stock, s.in_stock`; null without a row). */
export interface StockRow {
  stock_sku: string | null;
  total_available: number | null;
  low_stock: boolean | null;
  in_stock: boolean | null;
}

/** The columns OFFER_AND_STOCK_COLUMNS names (null when the projection has no row for the SKU). */
export interface OfferAndStockRow extends StockRow {
  offer_sku: string | null;
  name: string | null;
  price_cents: number | null;
  currency: string | null;
  offer_status: string | null;
  details_version: string | null;
  price_version: string | null;
  status_version: string | null;
}

/** The cart's projections of catalog products and inventory stock. */
export class ProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}".${name}`;
  }

  /**
   * The offers of several SKUs in one query, by SKU (a SKU the cart has not heard of is absent).
   * One statement rather than one each: a transaction's statements share its connection, and
   * concurrent ones would only queue there.
   */
  async findOffers(skus: readonly string[]): Promise<Map<string, ProductOffer>> {
    const records = skus.length === 0 ? [] : await this.em.find(ProductProjectionEntity, { sku: { $in: [...new Set(skus)] } });
    return new Map(records.map((record) => [record.sku, toProductProjection(record)]));
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

/**
 * A SKU's offer and stock level as columns of a larger select, whose product projection is
 * aliased `p` and stock projection `s` (both left-joined: either may be missing).
 */
export const OFFER_AND_STOCK_COLUMNS = `p.sku as offer_sku, p.name, p.price_cents, p.currency, p.status as offer_status, p.details_version, p.price_version, p.status_version,
  s.sku as stock_sku, s.total_available, s.low_stock, s.in_stock`;

export function offerAndStockOf(row: OfferAndStockRow): { offer: ProductOffer | null; stock: StockLevel | null } {
  const offer =
    row.offer_sku === null
      ? null
      : toProductProjection({
          sku: row.offer_sku,
          name: row.name,
          priceCents: row.price_cents,
          currency: row.currency,
          status: row.offer_status,
          detailsVersion: row.details_version,
          priceVersion: row.price_version,
          statusVersion: row.status_version,
        } as ProductProjectionRecord);
  return { offer, stock: stockLevelOf(row) };
}

export function stockLevelOf(row: StockRow): StockLevel | null {
  return row.stock_sku === null ? null : { totalAvailable: row.total_available!, lowStock: row.low_stock!, inStock: row.in_stock! };
}

/**
 * Each SKU's stock level as `levels` say, unless its row already holds a newer announcement
 * (events about one SKU may be handled out of order): one upsert, whose conflict clause compares
 * versions under each row's lock. Versions compare byte-wise, as the domain's `isNewer` does.
 * At most one level per SKU (an upsert cannot change a row twice).
 */
export function stockLevelsUpsert(schema: string, levels: readonly StockProjection[]): SqlStatement {
  return {
    sql: `insert into "${schema}".stock_projection as s (sku, total_available, low_stock, in_stock, version) values ${levels.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       on conflict (sku) do update set total_available = excluded.total_available, low_stock = excluded.low_stock, in_stock = excluded.in_stock, version = excluded.version
       where s.version collate "C" < excluded.version collate "C"`,
    params: levels.flatMap((level) => [level.sku, level.totalAvailable, level.lowStock, level.inStock, level.version]),
  };
}
