import type { CustomerResolvers, OrderItemResolvers, OrderResolvers, OrderStatusChangeResolvers } from '../__generated__/resolvers-types.js';
import { encodeOrderStatusCursor } from '../../../events/contracts/orders/index.js';
import { lineTotalOf } from '../domain/checkout.js';
import { estimatedDeliveryBy } from '../domain/shipping.js';
import { requireShippingAddressAccess } from '../../../platform/staff-access.js';
import type { OrdersUseCases } from '../use-cases/index.js';

export function createOrderResolvers(useCases: OrdersUseCases): OrderResolvers {
  return {
    // payments' and fulfillment's Order references: only its customer and staff get the order
    __resolveReference: (reference, ctx) => useCases.resolveOrderReference(ctx, reference.id, (id) => ctx.loaders.orderById.load(id)),
    customer: (order) => ({ __typename: 'Customer', id: order.customerId }),
    items: (order) => order.lines,
    shippingAddress: (order, _args, ctx) => {
      requireShippingAddressAccess(ctx.caller, order.status);
      return order.shippingAddress;
    },
    subtotal: (order) => ({ cents: order.subtotalCents, currency: order.currency }),
    shippingCost: (order) => ({ cents: order.shippingCents, currency: order.currency }),
    total: (order) => ({ cents: order.totalCents, currency: order.currency }),
    discount: (order) => ({ cents: order.discountCents, currency: order.currency }),
    timeline: (order, _args, ctx) => ctx.loaders.timelineByOrderId.load(order.id),
    statusChanges: (order, { after }, ctx) => useCases.readStatusChanges(ctx, order, after),
    // an order that will not ship has no delivery date
    estimatedDeliveryBy: (order) => (order.status === 'CANCELLED' || order.status === 'ON_HOLD' ? null : estimatedDeliveryBy(order.placedAt, order.shippingMethod)),
  };
}

export const orderStatusChangeResolvers: OrderStatusChangeResolvers = {
  cursor: (change) => encodeOrderStatusCursor({ orderId: change.orderId, sequence: change.sequence }),
};

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
