import type { CheckoutItemResolvers, CheckoutResolvers, PriceChangeResolvers } from '../__generated__/resolvers-types.js';
import { discountOf, effectiveStatus, lineTotalOf, priceChangesOf, subtotalOf, totalOf, type PriceChange } from '../domain/checkout.js';
import type { Money } from '../domain/money.js';
import { shippingCostOf, shippingOptions } from '../domain/shipping.js';
import { requireStaffCapability } from '../../../platform/staff-access.js';
import type { OrdersUseCases } from '../use-cases/index.js';

export function createCheckoutResolvers(useCases: OrdersUseCases): CheckoutResolvers {
  const { checkoutTtlMs, clock } = useCases.settings;
  return {
    __resolveReference: (reference, ctx) => useCases.resolveCheckoutReference(ctx, reference.id),
    // past its 15 minutes it reads ABANDONED even before the sweep marks it
    status: (checkout) => effectiveStatus(checkout, clock(), checkoutTtlMs),
    items: (checkout) => checkout.lines,
    // nothing ships yet: among staff only those who may read customers' personal data
    shippingAddress: (checkout, _args, ctx) => {
      if (ctx.caller.kind === 'staff') requireStaffCapability(ctx.caller, 'readCustomerPii');
      return checkout.shippingAddress;
    },
    shippingCost: (checkout) => (checkout.shippingMethod ? shippingCostOf(checkout.shippingMethod) : null),
    shippingOptions: () => shippingOptions(),
    // the token is dropped once the order is placed (it went to payments with the order)
    hasPaymentMethod: (checkout) => checkout.paymentToken !== null || checkout.status === 'COMPLETED',
    priceChanges: async (checkout, _args, ctx) => {
      const prices = await ctx.loaders.currentPriceBySku.loadMany(checkout.lines.map((line) => line.sku));
      const known = new Map<string, Money>();
      checkout.lines.forEach((line, i) => {
        const price = prices[i];
        if (price && !(price instanceof Error)) known.set(line.sku, price);
      });
      return priceChangesOf(checkout.lines, known);
    },
    subtotal: (checkout) => subtotalOf(checkout.lines),
    total: async (checkout, _args, ctx) => totalOf(checkout, await useCases.checkoutDiscountPercent(ctx, checkout)),
    discount: async (checkout, _args, ctx) => discountOf(subtotalOf(checkout.lines), await useCases.checkoutDiscountPercent(ctx, checkout)),
    couponCode: async (checkout, _args, ctx) => ((await useCases.checkoutDiscountPercent(ctx, checkout)) !== null ? checkout.couponCode : null),
    order: (checkout, _args, ctx) => (checkout.orderId ? ctx.loaders.orderById.load(checkout.orderId) : null),
  };
}

export const checkoutItemResolvers: CheckoutItemResolvers = {
  product: (line) => ({ __typename: 'Product', sku: line.sku }),
  lineTotal: (line) => lineTotalOf(line),
};

export const priceChangeResolvers: PriceChangeResolvers = {
  product: (change: PriceChange) => ({ __typename: 'Product', sku: change.sku }),
};
