import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayloadOf } from '../../../events/contract.js';
import type { FulfillmentRequested, OrderPlaced } from '../../../events/contracts/orders/index.js';
import { ReturnRepository } from '../store/return.repository.js';

/**
 * What returns learns of orders, from integration events only. Each event writes its own columns
 * (upserts), so they may arrive in any order and any number of times.
 */
export async function projectOrderPlaced(em: EntityManager, order: PayloadOf<typeof OrderPlaced>): Promise<void> {
  await new ReturnRepository(em).recordPlaced({
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

export async function projectFulfillmentRequested(em: EntityManager, request: PayloadOf<typeof FulfillmentRequested>): Promise<void> {
  await new ReturnRepository(em).recordWarehouse(request.orderId, request.customerId, request.warehouseId);
}

export async function projectDelivery(em: EntityManager, orderId: string, deliveredAt: string): Promise<void> {
  await new ReturnRepository(em).recordDelivered(orderId, new Date(deliveredAt));
}
