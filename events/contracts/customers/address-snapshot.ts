import { z } from 'zod';

/**
 * An address as the customers context publishes it (orders keeps a copy per checkout). Lengths
 * are the producer's business (counted in characters, not UTF-16 units), so they are not repeated here.
 */
export const customerAddressSnapshotSchema = z.object({
  id: z.string().uuid(),
  nickname: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().nullable(),
  city: z.string().min(1),
  region: z.string().min(1),
  postalCode: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  isDefault: z.boolean(),
  verification: z.enum(['VERIFIED', 'CORRECTED', 'UNVERIFIED', 'INVALID']),
});
export type CustomerAddressSnapshot = z.infer<typeof customerAddressSnapshotSchema>;
