import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when `checkoutCart` turned a customer's ACTIVE cart into a checkout, in the same
 * transaction that marked the cart CHECKED_OUT. The cart generates the checkout's id, so the
 * client gets it at once; orders builds the checkout from this item snapshot (unit prices are
 * the cart's snapshot prices; orders detects price drift against the catalog at placeOrder), and
 * the coupon applied to the cart, if any.
 * Envelope: customerId = the customer, correlationId = checkoutId.
 */
export const CheckoutInitiated = defineEvent({
  context: 'cart',
  type: 'CheckoutInitiated',
  version: 1,
  schema: z.object({
    checkoutId: z.string().uuid(),
    cartId: z.string().uuid(),
    customerId: z.string(),
    /** In the cart's order; one line per SKU. */
    items: z
      .array(
        z.object({
          sku: z.string(),
          name: z.string(),
          quantity: z.number().int().positive(),
          unitPriceCents: z.number().int().nonnegative(),
          currency: z.string().length(3),
        }),
      )
      .min(1),
    /**
     * The coupon on the cart when it was checked out (percentage as applied). Orders decides at
     * placeOrder whether it still applies and redeems it; absent without a coupon.
     */
    coupon: z.object({ code: z.string().min(1), percentOff: z.number().int().min(1).max(100) }).optional(),
    occurredAt: z.string().datetime({ offset: true }),
  }),
});
