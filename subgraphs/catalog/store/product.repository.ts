import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { ListingPosition, SearchPosition } from '../domain/cursor.js';
import type { ListingFilter } from '../domain/product-listing.js';
import type { Product } from '../domain/product.js';
import { ProductEntity, type ProductRecord } from './product.entity.js';

/**
 * Products in `catalog.product`. Lists and search are SQL (keyset pagination, full-text rank);
 * user text only ever travels as bound parameters. Search terms given here are already reduced
 * to letters and digits (domain/search-query.ts); `product_search_query` (migration 0002) makes
 * them a prefix tsquery matching the generated `search_vector`.
 */

const COLUMNS = ['sku', 'name', 'description', 'category', 'brand', 'tags', 'images', 'price_cents', 'currency', 'status', 'created_at', 'updated_at']
  .map((column) => `p.${column}`)
  .join(', ');

export interface RankedProduct {
  record: ProductRecord;
  rank: number;
}

export class ProductRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return `"${this.em.config.get('schema')}"`;
  }

  private get table(): string {
    return `${this.schema}.product`;
  }

  /** A FROM item naming the search's tsquery `query`; its parameter is the terms joined by spaces. */
  private get searchQuery(): string {
    return `${this.schema}.product_search_query(?) query`;
  }

  findBySku(sku: string): Promise<ProductRecord | null> {
    return this.em.findOne(ProductEntity, { sku });
  }

  /** Inside a transaction: locks the row so concurrent price/status changes see each other's result. */
  findBySkuForUpdate(sku: string): Promise<ProductRecord | null> {
    return this.em.findOne(ProductEntity, { sku }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  findBySkus(skus: readonly string[]): Promise<ProductRecord[]> {
    return skus.length ? this.em.find(ProductEntity, { sku: { $in: [...skus] } }) : Promise.resolve([]);
  }

  async existsBySku(sku: string): Promise<boolean> {
    return (await this.em.count(ProductEntity, { sku })) > 0;
  }

  /** Adds a product to the unit of work; it is inserted when the surrounding transaction flushes. */
  add(product: Product): ProductRecord {
    return this.em.create(ProductEntity, fromProduct(product));
  }

  /** Inserts the products whose SKU is not taken yet; returns the SKUs actually inserted. */
  async insertMissing(products: readonly Product[]): Promise<string[]> {
    if (!products.length) return [];
    const rows: { sku: string }[] = await this.em
      .createQueryBuilder(ProductEntity)
      .insert(products.map(fromProduct))
      .onConflict('sku')
      .ignore()
      .returning('sku')
      .execute('all');
    return rows.map((row) => row.sku);
  }

  /** One page of the browse order (name, sku), starting after `after`. */
  async findListingPage(filter: ListingFilter, after: ListingPosition | null, limit: number): Promise<ProductRecord[]> {
    const where = conditions(filter);
    if (after) where.add('(p.name, p.sku) > (?, ?)', after.name, after.sku);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${COLUMNS} from ${this.table} p ${where.sql()} order by p.name, p.sku limit ?`,
      [...where.params, limit],
    );
    return rows.map((row) => this.em.map(ProductEntity, row));
  }

  /** One page of search results, best match first (rank desc, sku), starting after `after`. */
  async findSearchPage(filter: ListingFilter & { searchTerms: string[] }, after: SearchPosition | null, limit: number): Promise<RankedProduct[]> {
    const where = conditions(filter);
    const afterSql = after ? 'where ranked.rank < ? or (ranked.rank = ? and ranked.sku > ?)' : '';
    const afterParams = after ? [after.rank, after.rank, after.sku] : [];
    // float8: ranks survive the round trip through a JS number in the cursor exactly
    const rows = await this.em.execute<(Record<string, unknown> & { rank: number })[]>(
      `select * from (
         select ${COLUMNS}, ts_rank(p.search_vector, query)::float8 as rank
         from ${this.table} p, ${this.searchQuery}
         ${where.sql()}
       ) ranked
       ${afterSql}
       order by ranked.rank desc, ranked.sku
       limit ?`,
      [filter.searchTerms.join(' '), ...where.params, ...afterParams, limit],
    );
    return rows.map(({ rank, ...row }) => ({ record: this.em.map(ProductEntity, row), rank: Number(rank) }));
  }

  async countMatching(filter: ListingFilter): Promise<number> {
    const where = conditions(filter);
    const search = filter.searchTerms ? `, ${this.searchQuery}` : '';
    const rows = await this.em.execute<{ total: number }[]>(
      `select count(*)::int as total from ${this.table} p${search} ${where.sql()}`,
      [...(filter.searchTerms ? [filter.searchTerms.join(' ')] : []), ...where.params],
    );
    return rows[0].total;
  }

  async listCategories(includeDiscontinued: boolean): Promise<string[]> {
    const rows = await this.em.execute<{ category: string }[]>(
      `select distinct p.category from ${this.table} p ${includeDiscontinued ? '' : `where p.status <> 'DISCONTINUED'`} order by p.category`,
    );
    return rows.map((row) => row.category);
  }
}

/** The filter as SQL conditions over alias `p` (and `query` when searching), with their parameters. */
function conditions(filter: ListingFilter) {
  const parts: string[] = [];
  const params: unknown[] = [];
  const builder = {
    params,
    add(sql: string, ...values: unknown[]) {
      parts.push(sql);
      params.push(...values);
      return builder;
    },
    sql: () => (parts.length ? `where ${parts.join(' and ')}` : ''),
  };
  if (filter.searchTerms) builder.add('p.search_vector @@ query');
  if (!filter.includeDiscontinued) builder.add(`p.status <> 'DISCONTINUED'`);
  if (filter.category) builder.add('p.category = ?', filter.category);
  if (filter.status) builder.add('p.status = ?', filter.status);
  return builder;
}

function fromProduct(product: Product): Omit<ProductRecord, 'createdAt' | 'updatedAt'> {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    brand: product.brand,
    tags: product.tags,
    images: product.images,
    priceCents: product.price.cents,
    currency: product.price.currency,
    status: product.status,
  };
}
