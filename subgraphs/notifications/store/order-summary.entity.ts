import { EntitySchema } from '@mikro-orm/postgresql';
import type { OrderFacts } from '../domain/order-facts.js';

/** What the order e-mails show about an order, copied from OrderPlaced (orders never asked). */
export interface OrderSummaryRecord extends OrderFacts {
  orderId: string;
  customerId: string;
}

export const OrderSummaryEntity = new EntitySchema<OrderSummaryRecord>({
  name: 'OrderSummary',
  tableName: 'order_summary',
  properties: {
    orderId: { type: 'uuid', fieldName: 'order_id', primary: true },
    customerId: { type: 'text', fieldName: 'customer_id' },
    number: { type: 'text', nullable: true },
    items: { type: 'json' },
    subtotalCents: { type: 'integer', fieldName: 'subtotal_cents' },
    discountCents: { type: 'integer', fieldName: 'discount_cents' },
    couponCode: { type: 'text', fieldName: 'coupon_code', nullable: true },
    shippingCents: { type: 'integer', fieldName: 'shipping_cents' },
    totalCents: { type: 'integer', fieldName: 'total_cents' },
    currency: { type: 'text' },
    shippingAddress: { type: 'json', fieldName: 'shipping_address' },
    shippingMethod: { type: 'text', fieldName: 'shipping_method' },
    placedAt: { type: 'datetime', fieldName: 'placed_at' },
    capturedCents: { type: 'integer', fieldName: 'captured_cents' },
  },
});
