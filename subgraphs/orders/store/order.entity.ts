import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { ShippingAddress } from '../domain/address.js';
import type { CheckoutLine } from '../domain/checkout.js';
import type { OrderStatus } from '../domain/saga/order-status.js';
import type { ShippingMethod } from '../domain/shipping.js';

/** A row of `orders.customer_order`: the order as customers and staff read it. */
export interface OrderRecord {
  id: string;
  /** Human-readable and unique, e.g. CS-100042 (domain/order-number.ts). */
  number: string;
  customerId: string;
  checkoutId: string;
  status: OrderStatus;
  /** At the prices the customer accepted at placement. */
  lines: CheckoutLine[];
  /** The immutable copy taken at placement. */
  shippingAddress: ShippingAddress;
  shippingMethod: ShippingMethod;
  subtotalCents: number;
  /** What the coupon took off (total = subtotal - discount + shipping); 0 without one. */
  discountCents: number;
  couponCode: string | null;
  shippingCents: number;
  totalCents: number;
  currency: string;
  cancellationReason: string | null;
  placedAt: Date;
  updatedAt: Date;
  /** How many status changes the order went through: the sequence number of the latest one. */
  statusChanges: number & Opt;
}

export const OrderEntity = new EntitySchema<OrderRecord>({
  name: 'Order',
  tableName: 'customer_order',
  properties: {
    id: { type: 'uuid', primary: true },
    number: { type: 'text' },
    customerId: { type: 'text', fieldName: 'customer_id' },
    checkoutId: { type: 'uuid', fieldName: 'checkout_id' },
    status: { type: 'text' },
    lines: { type: 'json' },
    shippingAddress: { type: 'json', fieldName: 'shipping_address' },
    shippingMethod: { type: 'text', fieldName: 'shipping_method' },
    subtotalCents: { type: 'integer', fieldName: 'subtotal_cents' },
    discountCents: { type: 'integer', fieldName: 'discount_cents', default: 0 },
    couponCode: { type: 'text', fieldName: 'coupon_code', nullable: true },
    shippingCents: { type: 'integer', fieldName: 'shipping_cents' },
    totalCents: { type: 'integer', fieldName: 'total_cents' },
    currency: { type: 'text' },
    cancellationReason: { type: 'text', fieldName: 'cancellation_reason', nullable: true },
    placedAt: { type: 'datetime', fieldName: 'placed_at' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at' },
    statusChanges: { type: 'integer', fieldName: 'status_changes', default: 0 },
  },
});
