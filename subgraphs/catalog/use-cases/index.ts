import { changeProductPrice } from './change-product-price.js';
import { changeProductStatus } from './change-product-status.js';
import { createProduct } from './create-product.js';
import { listCategories } from './list-categories.js';
import { listProducts } from './list-products.js';
import type { CatalogDeps, CatalogScope } from './scope.js';
import { updateProduct } from './update-product.js';

export type { CatalogDeps, CatalogScope } from './scope.js';
export type { ProductPage } from './list-products.js';

/** The catalog's use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createCatalogUseCases(deps: CatalogDeps) {
  return {
    createProduct: (scope: CatalogScope, ...args: Rest<typeof createProduct>) => createProduct(deps, scope, ...args),
    updateProduct: (scope: CatalogScope, ...args: Rest<typeof updateProduct>) => updateProduct(deps, scope, ...args),
    changeProductPrice: (scope: CatalogScope, ...args: Rest<typeof changeProductPrice>) => changeProductPrice(deps, scope, ...args),
    changeProductStatus: (scope: CatalogScope, ...args: Rest<typeof changeProductStatus>) => changeProductStatus(deps, scope, ...args),
    listProducts,
    listCategories,
  };
}

export type CatalogUseCases = ReturnType<typeof createCatalogUseCases>;

/** The arguments after (deps, scope). */
type Rest<F> = F extends (deps: CatalogDeps, scope: CatalogScope, ...rest: infer R) => unknown ? R : never;
