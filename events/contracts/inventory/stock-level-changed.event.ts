import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fired once per SKU per transaction whenever a SKU's total available units (all warehouses)
 * changed. No longer recorded: inventory announces StockLevelsChanged (one per transaction, every
 * SKU whose total moved) instead. Its consumers stay, for the events already in the stream and
 * those a replica of an earlier release may still record during a rolling deploy.
 */
export const StockLevelChanged = defineEvent({
  context: 'inventory',
  type: 'StockLevelChanged',
  version: 1,
  schema: z.object({
    sku: z.string(),
    totalAvailable: z.number().int().nonnegative(),
    /** 0 < totalAvailable < 10. */
    lowStock: z.boolean(),
    inStock: z.boolean(),
  }),
});
