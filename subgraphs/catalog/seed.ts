import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../platform/logger.js';
import { recordEvent } from '../../events/outbox.js';
import { ProductCreated } from '../../events/contracts/catalog/index.js';
import { validateNewProduct, type Product } from './domain/product.js';
import { CATALOG_SEED_PRODUCTS, type SeedProduct } from './seed-data.js';
import { ProductRepository } from './store/product.repository.js';

export { CATALOG_SEED_PRODUCTS, CATALOG_SEED_SKUS } from './seed-data.js';

/**
 * Idempotent: inserts the products that are missing (`on conflict do nothing`) and records
 * ProductCreated for exactly those, in the same transaction, so inventory opens stock rows once.
 * Replicas seeding at the same time are serialised by the primary key.
 */
export async function seedCatalog(em: EntityManager, eventNamespace: string, log: Logger, products: readonly SeedProduct[] = CATALOG_SEED_PRODUCTS): Promise<string[]> {
  const valid = products.map(checked);
  const inserted = await em.transactional(async (tx) => {
    const skus = await new ProductRepository(tx).insertMissing(valid);
    const bySku = new Map(valid.map((product) => [product.sku, product]));
    for (const sku of skus) recordEvent(tx, eventNamespace, ProductCreated, bySku.get(sku)!);
    return skus;
  });
  log.info({ inserted: inserted.length, total: products.length }, 'catalogue seeded');
  return inserted;
}

/** Seed data goes through the same rules as createProduct; a bad entry is a bug, so it throws. */
function checked(seed: SeedProduct): Product {
  const result = validateNewProduct(seed);
  if (!result.ok) throw new Error(`invalid seed product ${seed.sku}: ${JSON.stringify(result.errors)}`);
  return result.value;
}
