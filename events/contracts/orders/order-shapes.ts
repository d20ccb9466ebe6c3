import { z } from 'zod';

/** Shapes shared by the orders context's events. */

export const shippingMethodSchema = z.enum(['STANDARD', 'EXPRESS', 'NEXT_DAY']);
export type ShippingMethodName = z.infer<typeof shippingMethodSchema>;

export const orderStatusSchema = z.enum(['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED', 'ON_HOLD']);
export type OrderStatusName = z.infer<typeof orderStatusSchema>;

/** The immutable copy of the shipping address an order keeps. */
export const shippingAddressSchema = z.object({
  /** The saved address's nickname, when the customer chose one from the address book. */
  nickname: z.string().nullish(),
  line1: z.string().min(1),
  line2: z.string().nullish(),
  city: z.string().min(1),
  region: z.string().min(1),
  postalCode: z.string().min(1),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2),
});
export type ShippingAddressSnapshot = z.infer<typeof shippingAddressSchema>;
