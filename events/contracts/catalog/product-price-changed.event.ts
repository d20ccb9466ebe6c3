import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { moneySchema } from './product-snapshot.js';

/**
 * Fires when `changeProductPrice` sets a price different from the current one (setting the same
 * price records nothing). Carts and checkouts use old and new price to detect price drift.
 */
export const ProductPriceChanged = defineEvent({
  context: 'catalog',
  type: 'ProductPriceChanged',
  version: 1,
  schema: z.object({
    sku: z.string(),
    previousPrice: moneySchema,
    currentPrice: moneySchema,
  }),
});
