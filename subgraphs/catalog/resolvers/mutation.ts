import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { CatalogUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: CatalogUseCases): MutationResolvers => ({
  createProduct: (_root, { input }, ctx) => useCases.createProduct(ctx, input),
  updateProduct: (_root, { sku, input }, ctx) => useCases.updateProduct(ctx, sku, input),
  changeProductPrice: (_root, { sku, price }, ctx) => useCases.changeProductPrice(ctx, sku, price),
  changeProductStatus: (_root, { sku, status, reason }, ctx) => useCases.changeProductStatus(ctx, sku, status, reason),
});
