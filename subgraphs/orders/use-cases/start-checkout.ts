import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayloadOf } from '../../../events/contract.js';
import type { CheckoutInitiated } from '../../../events/contracts/cart/index.js';
import { normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import { CheckoutRepository } from '../store/checkout.repository.js';

/**
 * Cart's CheckoutInitiated → a checkout IN_PROGRESS with the cart's item snapshot (prices as in
 * the cart; drift is checked at placeOrder). The 15-minute clock starts when orders learns of it.
 */
export async function startCheckout(em: EntityManager, payload: PayloadOf<typeof CheckoutInitiated>): Promise<boolean> {
  return new CheckoutRepository(em).insertInitiated({
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
  });
}
