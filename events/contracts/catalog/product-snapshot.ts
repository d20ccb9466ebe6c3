import { z } from 'zod';

/**
 * Shapes shared by the catalog's events. Consumers (cart, orders, inventory) keep local
 * projections of products from these, so a snapshot carries everything a projection needs.
 */

export const productStatusSchema = z.enum(['ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED']);

export const moneySchema = z.object({
  cents: z.number().int(),
  currency: z.string().length(3),
});

export const productSnapshotSchema = z.object({
  sku: z.string().min(3).max(24),
  name: z.string().min(1).max(100),
  description: z.string().max(2000),
  category: z.string().min(1).max(50),
  brand: z.string().max(100).nullable(),
  tags: z.array(z.string().max(50)),
  images: z.array(z.object({ url: z.string().url(), altText: z.string().min(1) })),
  price: moneySchema,
  status: productStatusSchema,
});

export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;
