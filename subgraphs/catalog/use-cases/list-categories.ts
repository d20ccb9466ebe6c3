import { isStaff } from '../../../platform/auth.js';
import { ProductRepository } from '../store/product.repository.js';
import type { CatalogScope } from './scope.js';

/** Distinct categories, sorted, of the products the caller can see in lists. */
export function listCategories(scope: CatalogScope): Promise<string[]> {
  return new ProductRepository(scope.em).listCategories(isStaff(scope.caller));
}
