import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseSku } from './domain/product.js';
import type { ProductRecord } from './store/product.entity.js';
import { ProductRepository } from './store/product.repository.js';

export interface CatalogLoaders {
  /** Any product by SKU (DISCONTINUED included), null when unknown; one `sku in (…)` per tick. */
  productBySku: DataLoader<string, ProductRecord | null, string>;
}

/** Created per request: the cache must never outlive the request's EntityManager fork. */
export function createCatalogLoaders(em: EntityManager): CatalogLoaders {
  const products = new ProductRepository(em);
  return {
    productBySku: new DataLoader<string, ProductRecord | null, string>(
      async (keys) => {
        // the batch gets keys as asked (`dog-bowl-001`); cacheKeyFn only de-duplicates them
        const skus = keys.map(normaliseSku);
        const found = new Map((await products.findBySkus([...new Set(skus)])).map((record) => [record.sku, record]));
        return skus.map((sku) => found.get(sku) ?? null);
      },
      { cacheKeyFn: normaliseSku, maxBatchSize: 500 },
    ),
  };
}
