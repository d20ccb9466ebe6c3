import { defineEvent } from '../../contract.js';
import { productSnapshotSchema } from './product-snapshot.js';

/**
 * Fires when a product enters the catalogue: `createProduct` by catalog staff, or the catalogue
 * seed for each product it actually inserts. Carries the full product so inventory can open stock
 * rows and carts/orders can build their projections without calling back.
 */
export const ProductCreated = defineEvent({
  context: 'catalog',
  type: 'ProductCreated',
  version: 1,
  schema: productSnapshotSchema,
});
