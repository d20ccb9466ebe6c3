import type { PayloadOf } from '../../../events/contract.js';
import type { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import { initiatedCheckoutsInsert, type InitiatedCheckout } from '../store/checkout.repository.js';
import { ORDERS_ARRIVALS_CHANNEL, type OrdersDeps } from './scope.js';

/**
 * Cart's CheckoutInitiated → a checkout IN_PROGRESS with the cart's item snapshot (prices as in
 * the cart; drift is checked at placeOrder). The 15-minute clock starts when orders learns of it.
 * Requests for this checkout that came before its event wake as it commits, and the process
 * remembers it as committed (`recentCheckouts`): the customer's first step decides on that copy
 * instead of reading the row it was woken for. A batch of events is one insert: the requests
 * waiting on any of them wait for one round trip, not one per event ahead of theirs.
 */
export function startCheckoutsStatement(
  deps: Pick<OrdersDeps, 'recentCheckouts'>,
  schema: string,
  payloads: readonly PayloadOf<typeof CheckoutInitiated>[],
): SqlStatement {
  return initiatedCheckoutsInsert(schema, payloads.map(initiatedCheckout), ORDERS_ARRIVALS_CHANNEL, (checkout) =>
    deps.recentCheckouts.remember(checkout.id, checkout),
  );
}

function initiatedCheckout(payload: PayloadOf<typeof CheckoutInitiated>): InitiatedCheckout {
  return {
    id: payload.checkoutId,
    cartId: payload.cartId,
    customerId: payload.customerId,
    lines: payload.items.map((item) => ({
      sku: item.sku,
      name: item.name,
      quantity: item.quantity,
      unitPrice: { cents: item.unitPriceCents, currency: item.currency },
    })),
    coupon: payload.coupon ? { code: normaliseCouponCode(payload.coupon.code), percentOff: payload.coupon.percentOff } : null,
  };
}
