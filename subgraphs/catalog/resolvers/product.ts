import type { ProductResolvers } from '../__generated__/resolvers-types.js';

export const productResolvers: ProductResolvers = {
  // DISCONTINUED products resolve too: carts and orders keep referring to them
  __resolveReference: (reference, ctx) => ctx.loaders.productBySku.load(reference.sku),
  price: (product) => ({ cents: product.priceCents, currency: product.currency }),
  // the cart's rule (only ACTIVE products can be added), told before the shopper tries
  purchasable: (product) => product.status === 'ACTIVE',
};
