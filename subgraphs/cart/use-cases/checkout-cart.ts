import { v7 as uuidv7 } from 'uuid';
import { requireCustomer } from '../../../platform/auth.js';
import { outboxRow } from '../../../events/outbox.js';
import { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { checkoutSnapshotOf } from '../domain/cart.js';
import { changeOwnCart } from './own-cart-changes.js';
import { requireCartReader } from './owner.js';
import { applyDecision, rejectionError } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';

/** A reference to the checkout orders builds from CheckoutInitiated (orders resolves its fields). */
export interface CheckoutReference {
  __typename: 'Checkout';
  id: string;
}

/**
 * Turns the customer's non-empty ACTIVE cart into a checkout: the cart becomes CHECKED_OUT and
 * CheckoutInitiated carries the item snapshot to orders, in one write (own-cart-changes.ts: over
 * the version of the cart this process last saw, else under its lock). The checkout id is minted
 * here so the client can use it at once. Checking out again is a CONFLICT that names the checkout
 * already started, so a client retrying after a lost answer can carry on with it.
 */
export async function checkoutCart(deps: CartDeps, scope: CartScope, cartId: string): Promise<CheckoutReference> {
  const customer = requireCustomer(scope.caller, 'Sign in to check out');
  const owner = requireCartReader(customer, cartId);
  const reference = await changeOwnCart(deps, scope, cartId, owner, {
    sku: null,
    command: () => ({ type: 'CheckOut' }),
    refused: (rejection, record) => rejectionError(rejection, record.checkoutId ? { checkoutId: record.checkoutId } : {}),
    write: (record, decision) => {
      const checkoutId = uuidv7();
      record.checkoutId = checkoutId;
      // a decision to check out always changes the cart: it is never null
      const write = applyDecision(deps.eventNamespace, record, decision, { checkoutId })!;
      const snapshot = checkoutSnapshotOf(decision.cart);
      const initiated = outboxRow(
        deps.eventNamespace,
        CheckoutInitiated,
        {
          checkoutId,
          cartId: record.id,
          customerId: customer.subject,
          items: snapshot.items.map((item) => ({
            sku: item.sku,
            name: item.name,
            quantity: item.quantity,
            unitPriceCents: item.unitPrice.cents,
            currency: item.unitPrice.currency,
          })),
          ...(record.couponCode && record.couponPercentOff ? { coupon: { code: record.couponCode, percentOff: record.couponPercentOff } } : {}),
          occurredAt: record.updatedAt.toISOString(),
        },
        { customerId: customer.subject, correlationId: checkoutId },
      );
      return { ...write, outbox: [...write.outbox, initiated] };
    },
    answer: (record) => ({ __typename: 'Checkout' as const, id: record.checkoutId! }),
  });
  // no change follows a checkout: the copy would only be read again
  deps.recentCarts.forget(cartId);
  return reference;
}
