import { z } from 'zod';

/** Shapes shared by inventory's events. */

export const reservationLineSchema = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
});
