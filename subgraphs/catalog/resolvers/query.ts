import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { CatalogUseCases } from '../use-cases/index.js';

export const createQueryResolvers = (useCases: CatalogUseCases): QueryResolvers => ({
  product: (_root, { sku }, ctx) => ctx.loaders.productBySku.load(sku),
  products: (_root, args, ctx) => useCases.listProducts(ctx, args),
  categories: (_root, _args, ctx) => useCases.listCategories(ctx),
});
