import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when a SKU's total available units crossed below 10 — from 10 or more to fewer, zero
 * included — in any change. It does not fire again while the total stays below 10; only after it
 * climbed back to 10 or more. For staff alerts.
 */
export const LowStockDetected = defineEvent({
  context: 'inventory',
  type: 'LowStockDetected',
  version: 1,
  schema: z.object({
    sku: z.string(),
    totalAvailable: z.number().int().nonnegative(),
  }),
});
