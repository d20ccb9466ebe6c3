import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { requireStaff } from '../../../platform/auth.js';
import { conflict } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { ProductCreated } from '../../../events/contracts/catalog/index.js';
import { validateNewProduct, type NewProductInput } from '../domain/product.js';
import type { ProductRecord } from '../store/product.entity.js';
import { ProductRepository } from '../store/product.repository.js';
import { invalidInput, type CatalogDeps, type CatalogScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export async function createProduct(deps: CatalogDeps, scope: CatalogScope, input: NewProductInput): Promise<ProductRecord> {
  requireStaff(scope.caller, 'CATALOG_MANAGER');
  const checked = validateNewProduct(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const product = checked.value;
  const duplicate = () => conflict(`A product with SKU ${product.sku} already exists`, { fields: { sku: 'already exists' } });

  try {
    return await inTransaction(scope.em, async (em) => {
      const products = new ProductRepository(em);
      if (await products.existsBySku(product.sku)) throw duplicate();
      const record = products.add(product);
      recordEvent(em, deps.eventNamespace, ProductCreated, product);
      return record;
    });
  } catch (err) {
    // two creates of the same SKU racing: the primary key decides
    if (err instanceof UniqueConstraintViolationException) throw duplicate();
    throw err;
  }
}
