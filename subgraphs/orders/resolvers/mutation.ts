import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { OrdersUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: OrdersUseCases): MutationResolvers => ({
  setCheckoutShippingAddress: (_root, { checkoutId, addressId, address }, ctx) => useCases.setCheckoutShippingAddress(ctx, checkoutId, addressId, address),
  setCheckoutShippingMethod: (_root, { checkoutId, method }, ctx) => useCases.setCheckoutShippingMethod(ctx, checkoutId, method),
  setCheckoutPaymentMethod: (_root, { checkoutId, paymentToken }, ctx) => useCases.setCheckoutPaymentMethod(ctx, checkoutId, paymentToken),
  placeOrder: (_root, { checkoutId, acknowledgePriceChanges }, ctx) => useCases.placeOrder(ctx, checkoutId, acknowledgePriceChanges ?? false),
  cancelOrder: (_root, { orderId, reason }, ctx) => useCases.cancelOrder(ctx, orderId, reason),
});
