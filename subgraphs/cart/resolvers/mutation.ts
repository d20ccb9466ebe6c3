import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { CartUseCases } from '../use-cases/index.js';

export const createMutationResolvers = (useCases: CartUseCases): MutationResolvers => ({
  createCart: (_root, _args, ctx) => useCases.createCart(ctx),
  addCartItem: (_root, { cartId, sku, quantity }, ctx) => useCases.addCartItem(ctx, cartId, sku, quantity),
  changeCartItemQuantity: (_root, { cartId, sku, quantity }, ctx) => useCases.changeCartItemQuantity(ctx, cartId, sku, quantity),
  removeCartItem: (_root, { cartId, sku }, ctx) => useCases.removeCartItem(ctx, cartId, sku),
  clearCart: (_root, { cartId }, ctx) => useCases.clearCart(ctx, cartId),
  mergeCart: (_root, { guestToken }, ctx) => useCases.mergeCart(ctx, guestToken),
  checkoutCart: (_root, { cartId }, ctx) => useCases.checkoutCart(ctx, cartId),
  reorder: (_root, { orderId }, ctx) => useCases.reorder(ctx, orderId),
  applyCoupon: (_root, { cartId, code }, ctx) => useCases.applyCoupon(ctx, cartId, code),
  removeCoupon: (_root, { cartId }, ctx) => useCases.removeCoupon(ctx, cartId),
});
