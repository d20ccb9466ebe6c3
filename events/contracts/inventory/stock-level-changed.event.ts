import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires once per SKU per transaction whenever a SKU's total available units (all warehouses)
 * changed: receipts, adjustments, reservations, releases, expiries, seeding. Moves that leave the
 * total as it was (commit, ship) announce nothing. For other contexts' projections (cart warnings).
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
