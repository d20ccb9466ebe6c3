import type { PayloadOf } from '../../../events/contract.js';
import type { FulfillmentRequested, OrderPlaced } from '../../../events/contracts/orders/index.js';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import { deliveryUpsert, orderPlacedUpsert, warehouseUpsert } from '../store/return.repository.js';

/**
 * What returns learns of orders, from integration events only: one upsert per event, each writing
 * its own columns, so they may arrive in any order and any number of times.
 */
export function orderPlacedStatement(schema: string, order: PayloadOf<typeof OrderPlaced>): SqlStatement {
  return orderPlacedUpsert(schema, {
    orderId: order.orderId,
    customerId: order.customerId,
    currency: order.currency,
    lines: order.items.map((item) => ({ sku: item.sku, name: item.name, quantity: item.quantity, unitPriceCents: item.unitPriceCents })),
    subtotalCents: order.subtotalCents,
    // promotions will set it; absent means no discount
    discountCents: order.discountCents ?? 0,
    shippingAddress: order.shippingAddress,
  });
}

export function fulfillmentRequestedStatement(schema: string, request: PayloadOf<typeof FulfillmentRequested>): SqlStatement {
  return warehouseUpsert(schema, request.orderId, request.customerId, request.warehouseId);
}

export function deliveryStatement(schema: string, orderId: string, deliveredAt: string): SqlStatement {
  return deliveryUpsert(schema, orderId, new Date(deliveredAt));
}
