import type { CustomerResolvers, OrderItemResolvers, OrderResolvers } from '../__generated__/resolvers-types.js';
import { lineTotalOf } from '../domain/checkout.js';
import type { OrdersUseCases } from '../use-cases/index.js';

export function createOrderResolvers(useCases: OrdersUseCases): OrderResolvers {
  return {
    // payments' and fulfillment's Order references: only its customer and staff get the order
    __resolveReference: (reference, ctx) => useCases.resolveOrderReference(ctx, reference.id, (id) => ctx.loaders.orderById.load(id)),
    customer: (order) => ({ __typename: 'Customer', id: order.customerId }),
    items: (order) => order.lines,
    subtotal: (order) => ({ cents: order.subtotalCents, currency: order.currency }),
    shippingCost: (order) => ({ cents: order.shippingCents, currency: order.currency }),
    total: (order) => ({ cents: order.totalCents, currency: order.currency }),
    discount: (order) => ({ cents: order.discountCents, currency: order.currency }),
    timeline: (order, _args, ctx) => ctx.loaders.timelineByOrderId.load(order.id),
  };
}

export const orderItemResolvers: OrderItemResolvers = {
  product: (line) => ({ __typename: 'Product', sku: line.sku }),
  lineTotal: (line) => lineTotalOf(line),
};

export function createCustomerResolvers(useCases: OrdersUseCases): CustomerResolvers {
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    orders: (customer, { first, after }, ctx) => useCases.readCustomerOrders(ctx, customer, first, after),
  };
}
