import { EntitySchema } from '@mikro-orm/postgresql';
import type { ShippingAddressSnapshot } from '../../../events/contracts/orders/order-shapes.js';
import type { OrderLine } from '../domain/return-rules.js';

/**
 * A row of `returns.order_view`: what returns knows of an order, from integration events only
 * (never orders' tables). Each event fills its own columns, in whatever order they arrive:
 * OrderPlaced the customer, lines and money; FulfillmentRequested the shipping warehouse;
 * ShipmentDelivered the delivery time.
 */
export interface OrderViewRecord {
  orderId: string;
  customerId: string | null;
  currency: string | null;
  lines: OrderLine[] | null;
  subtotalCents: number | null;
  discountCents: number;
  /** Where the parcel went: where the return label's pick-up is. */
  shippingAddress: ShippingAddressSnapshot | null;
  warehouseId: string | null;
  deliveredAt: Date | null;
  updatedAt: Date;
}

export const OrderViewEntity = new EntitySchema<OrderViewRecord>({
  name: 'OrderView',
  tableName: 'order_view',
  properties: {
    orderId: { type: 'uuid', primary: true, fieldName: 'order_id' },
    customerId: { type: 'text', fieldName: 'customer_id', nullable: true },
    currency: { type: 'text', nullable: true },
    lines: { type: 'json', nullable: true },
    subtotalCents: { type: 'integer', fieldName: 'subtotal_cents', nullable: true },
    discountCents: { type: 'integer', fieldName: 'discount_cents' },
    shippingAddress: { type: 'json', fieldName: 'shipping_address', nullable: true },
    warehouseId: { type: 'text', fieldName: 'warehouse_id', nullable: true },
    deliveredAt: { type: 'datetime', fieldName: 'delivered_at', nullable: true },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
