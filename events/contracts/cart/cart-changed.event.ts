import { z } from 'zod';
import { defineEvent } from '../../contract.js';

export const cartUpdateReasons = ['ITEM_ADDED', 'ITEM_REMOVED', 'QUANTITY_CHANGED', 'CLEARED', 'MERGED', 'CHECKED_OUT', 'ABANDONED'] as const;
export const cartStatuses = ['ACTIVE', 'CHECKED_OUT', 'ABANDONED', 'CLEARED'] as const;

/**
 * Fires on every change of a cart, in the transaction that made it: the one feed behind the
 * `cartUpdated` subscription and cart analytics. The envelope's customerId is the cart's owner
 * (customer id or guest id).
 */
export const CartChanged = defineEvent({
  context: 'cart',
  type: 'CartChanged',
  version: 1,
  schema: z.object({
    cartId: z.string(),
    ownerId: z.string(),
    ownerKind: z.enum(['GUEST', 'CUSTOMER']),
    reason: z.enum(cartUpdateReasons),
    /** The SKU the change was about, when it was about one. */
    sku: z.string().nullable(),
    itemCount: z.number().int().nonnegative(),
    subtotalCents: z.number().int().nonnegative(),
    /** The cart's status after the change (a MERGED customer cart stays ACTIVE, the guest cart is CLEARED). Optional: added after v1 shipped. */
    status: z.enum(cartStatuses).optional(),
  }),
});
