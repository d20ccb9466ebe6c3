import { z } from 'zod';
import { defineEvent } from '../../contract.js';

/**
 * Fires when an order is placed (step 1 of the saga, beside InventoryReservationRequested):
 * payments authorizes (holds) the order total on the customer's payment token and answers
 * PaymentAuthorized or, once final, PaymentAuthorizationFailed. One payment per order: a repeated
 * request never charges twice. Envelope: customerId = the customer, correlationId = orderId.
 */
export const PaymentAuthorizationRequested = defineEvent({
  context: 'orders',
  type: 'PaymentAuthorizationRequested',
  version: 1,
  schema: z.object({
    orderId: z.string().uuid(),
    customerId: z.string(),
    amountCents: z.number().int().positive(),
    currency: z.string().length(3),
    /** From the payment provider (never card data); at most 256 characters. */
    paymentToken: z.string().min(1).max(256),
  }),
});
