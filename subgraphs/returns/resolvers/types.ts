import type { MoneyResolvers, OrderResolvers, ReturnItemResolvers, ReturnResolvers } from '../__generated__/resolvers-types.js';
import { formatMoney } from '../domain/money.js';
import type { ReturnsUseCases } from '../use-cases/index.js';

export const createOrderResolvers = (useCases: ReturnsUseCases): OrderResolvers => ({
  // any order id resolves: an order without returns simply has none
  __resolveReference: (reference) => ({ id: reference.id }),
  returns: async (order, _args, ctx) => useCases.visibleOrderReturns(ctx.caller, await ctx.loaders.returnsByOrder.load(order.id)),
});

export const createReturnResolvers = (useCases: ReturnsUseCases): ReturnResolvers => ({
  __resolveReference: (reference, ctx) => useCases.readReturn(ctx, reference.id),
  order: (ret) => ({ id: ret.orderId }),
  items: (ret) => ret.lines.map((line) => ({ ...line, currency: ret.currency })),
  restockingFee: (ret) => ({ cents: ret.restockingFeeCents, currency: ret.currency }),
  refundAmount: (ret) => ({ cents: ret.refundCents, currency: ret.currency }),
});

export const returnItemResolvers: ReturnItemResolvers = {
  product: (line) => ({ sku: line.sku }),
  unitPrice: (line) => ({ cents: line.unitPriceCents, currency: line.currency }),
};

export const moneyResolvers: MoneyResolvers = {
  formatted: (money) => formatMoney(money),
};
