import { z } from 'zod';
import { defineEvent } from '../../contract.js';
import { shippingAddressSchema, shippingMethodSchema } from './order-shapes.js';

/**
 * Fires when `placeOrder` turned a complete checkout into an order (status PLACED), in the same
 * transaction that starts the saga. totalCents = subtotalCents - discountCents + shippingCents. For notifications and analytics: the saga's own requests
 * (InventoryReservationRequested, PaymentAuthorizationRequested) follow in that transaction.
 * Envelope: customerId = the customer, correlationId = orderId.
 */
export const OrderPlaced = defineEvent({
  context: 'orders',
  type: 'OrderPlaced',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string(),
    checkoutId: z.string().uuid().optional(),
    /** The human-readable order number (CS-100042); absent only in events recorded before numbers existed. */
    number: z.string().optional(),
    items: z
      .array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int().positive(), unitPriceCents: z.number().int().nonnegative() }))
      .min(1),
    subtotalCents: z.number().int().nonnegative(),
    /** The coupon's discount (per cart, half up: events/contracts/promotions); absent without a coupon. */
    discountCents: z.number().int().nonnegative().optional(),
    couponCode: z.string().optional(),
    shippingCents: z.number().int().nonnegative(),
    totalCents: z.number().int().nonnegative(),
    currency: z.string().length(3),
    shippingAddress: shippingAddressSchema,
    shippingMethod: shippingMethodSchema,
    placedAt: z.string().datetime({ offset: true }),
  }),
});
