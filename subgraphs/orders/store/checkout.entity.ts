import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { ShippingAddress } from '../domain/address.js';
import type { Checkout, CheckoutLine, CheckoutStatus } from '../domain/checkout.js';
import type { ShippingMethod } from '../domain/shipping.js';

/** A row of `orders.checkout`. */
export interface CheckoutRecord {
  id: string;
  customerId: string;
  cartId: string;
  status: CheckoutStatus;
  lines: CheckoutLine[];
  shippingAddress: ShippingAddress | null;
  addressId: string | null;
  addressWarnings: string[];
  shippingMethod: ShippingMethod | null;
  paymentToken: string | null;
  orderId: string | null;
  /** Carried over from the cart (CheckoutInitiated); both null without a coupon. */
  couponCode: string | null;
  couponPercentOff: number | null;
  createdAt: Date & Opt;
  updatedAt: Date;
  /** Bumped by every write: the steps' conditional update checks it (store/checkout-change.statement.ts). */
  version: number & Opt;
}

export const CheckoutEntity = new EntitySchema<CheckoutRecord>({
  name: 'Checkout',
  tableName: 'checkout',
  properties: {
    id: { type: 'uuid', primary: true },
    customerId: { type: 'text', fieldName: 'customer_id' },
    cartId: { type: 'uuid', fieldName: 'cart_id' },
    status: { type: 'text' },
    lines: { type: 'json' },
    shippingAddress: { type: 'json', fieldName: 'shipping_address', nullable: true },
    addressId: { type: 'uuid', fieldName: 'address_id', nullable: true },
    addressWarnings: { type: 'json', fieldName: 'address_warnings' },
    shippingMethod: { type: 'text', fieldName: 'shipping_method', nullable: true },
    paymentToken: { type: 'text', fieldName: 'payment_token', nullable: true },
    orderId: { type: 'uuid', fieldName: 'order_id', nullable: true },
    couponCode: { type: 'text', fieldName: 'coupon_code', nullable: true },
    couponPercentOff: { type: 'integer', fieldName: 'coupon_percent_off', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at' },
    version: { type: 'integer', default: 0 },
  },
});

/** The domain's view of a stored checkout. */
export function toCheckout(record: CheckoutRecord): Checkout {
  return {
    id: record.id,
    customerId: record.customerId,
    status: record.status,
    lines: record.lines.map((line) => ({ ...line, unitPrice: { ...line.unitPrice } })),
    shippingAddress: record.shippingAddress ? { ...record.shippingAddress } : null,
    addressId: record.addressId,
    addressWarnings: [...record.addressWarnings],
    shippingMethod: record.shippingMethod,
    paymentToken: record.paymentToken,
    orderId: record.orderId,
    updatedAt: record.updatedAt,
    coupon: record.couponCode && record.couponPercentOff ? { code: record.couponCode, percentOff: record.couponPercentOff } : null,
  };
}

/**
 * Writes the decided checkout back onto its (locked, managed) row, as a new version: a step that
 * read the row before writes nothing over this change (it checks the version it read).
 */
export function applyCheckout(record: CheckoutRecord, checkout: Checkout): void {
  record.version += 1;
  record.status = checkout.status;
  record.shippingAddress = checkout.shippingAddress;
  record.addressId = checkout.addressId;
  record.addressWarnings = [...checkout.addressWarnings];
  record.shippingMethod = checkout.shippingMethod;
  record.paymentToken = checkout.paymentToken;
  record.orderId = checkout.orderId;
  record.updatedAt = checkout.updatedAt;
}
