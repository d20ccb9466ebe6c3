import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { productStatusSchema } from './product-snapshot.js';

/**
 * Fires when `changeProductStatus` moves a product to a different status (including an ADMIN
 * bringing a DISCONTINUED product back to ACTIVE). Re-setting the current status records nothing.
 * Carts refuse non-ACTIVE products from this point on.
 */
export const ProductStatusChanged = defineEvent({
  context: 'catalog',
  type: 'ProductStatusChanged',
  version: 1,
  schema: z.object({
    sku: z.string(),
    previousStatus: productStatusSchema,
    status: productStatusSchema,
    reason: z.string().nullable(),
  }),
});
