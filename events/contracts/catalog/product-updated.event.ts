import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { productSnapshotSchema } from './product-snapshot.js';

export const updatableProductFieldSchema = z.enum(['name', 'description', 'category', 'brand', 'tags', 'images']);

/**
 * Fires when `updateProduct` actually changes a product's descriptive fields (name, description,
 * category, brand, tags, images). An update that changes nothing records no event. Price and status
 * have their own events (ProductPriceChanged, ProductStatusChanged).
 */
export const ProductUpdated = defineEvent({
  context: 'catalog',
  type: 'ProductUpdated',
  version: 1,
  schema: z.object({
    sku: z.string(),
    changedFields: z.array(updatableProductFieldSchema).min(1),
    /** The product after the change. */
    product: productSnapshotSchema,
  }),
});
