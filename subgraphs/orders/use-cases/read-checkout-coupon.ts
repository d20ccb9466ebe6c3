import type { Context } from '../context.js';
import type { CheckoutRecord } from '../store/checkout.entity.js';

/**
 * The percentage a checkout's reader sees taken off: once placed, what the order got; before,
 * the coupon's while it still applies to the customer (placeOrder decides for real). Null: no
 * discount — no coupon, or one that stopped applying, so the checkout shows the total placeOrder
 * would ask the customer to acknowledge.
 */
export async function checkoutDiscountPercent(ctx: Pick<Context, 'loaders'>, checkout: CheckoutRecord): Promise<number | null> {
  if (!checkout.couponCode || !checkout.couponPercentOff) return null;
  if (checkout.orderId) {
    const order = await ctx.loaders.orderById.load(checkout.orderId);
    return order?.couponCode ? checkout.couponPercentOff : null;
  }
  return ctx.loaders.applyingCouponPercent.load({ code: checkout.couponCode, percentOff: checkout.couponPercentOff, customerId: checkout.customerId });
}
