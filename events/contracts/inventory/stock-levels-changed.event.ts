import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/** A SKU's new total available units (all warehouses), as StockLevelsChanged lists it. */
export const stockLevelSchema = z.object({
  sku: z.string(),
  totalAvailable: z.number().int().nonnegative(),
  /** 0 < totalAvailable < 10. */
  lowStock: z.boolean(),
  inStock: z.boolean(),
});

/**
 * Fires once per transaction that changed the total available units of one or more SKUs —
 * receipts, adjustments, reservations, releases, expiries, returns, seeding — with the new level of
 * each of them, each SKU once. Moves that leave a total as it was (commit, ship) list nothing. For
 * other contexts' projections (cart warnings, operations' low-stock recovery). Took over from
 * StockLevelChanged (one event per SKU): an order of three products is one message, not three.
 */
export const StockLevelsChanged = defineEvent({
  context: 'inventory',
  type: 'StockLevelsChanged',
  version: 1,
  schema: z.object({ levels: z.array(stockLevelSchema).min(1) }),
});
