import { EntitySchema } from '@mikro-orm/postgresql';
import type { ShippingAddressSnapshot, ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';
import type { ShipmentStatus } from '../domain/shipment-lifecycle.js';

export interface ShipmentItem {
  sku: string;
  quantity: number;
}

/** A row of `fulfillment.shipment`: one per order. */
export interface ShipmentRecord {
  id: string;
  orderId: string;
  /** The order's customer (from FulfillmentRequested): who may read the shipment. */
  customerId: string;
  reservationId: string;
  warehouseId: string;
  status: ShipmentStatus;
  items: ShipmentItem[];
  shippingAddress: ShippingAddressSnapshot;
  shippingMethod: ShippingMethodName;
  carrier: string | null;
  trackingNumber: string | null;
  /** The carrier's public tracking page (null for parcels dispatched by a pick-up scan; the resolver falls back to the carrier's page). */
  trackingUrl: string | null;
  /** Failed delivery attempts so far. */
  deliveryAttempts: number;
  assignedAt: Date | null;
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
  deliveryFailedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ShipmentEntity = new EntitySchema<ShipmentRecord>({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: { type: 'text', fieldName: 'order_id', unique: true },
    customerId: { type: 'text', fieldName: 'customer_id' },
    reservationId: { type: 'text', fieldName: 'reservation_id' },
    warehouseId: { type: 'text', fieldName: 'warehouse_id' },
    status: { type: 'text' },
    items: { type: 'json' },
    shippingAddress: { type: 'json', fieldName: 'shipping_address' },
    shippingMethod: { type: 'text', fieldName: 'shipping_method' },
    carrier: { type: 'text', nullable: true },
    trackingNumber: { type: 'text', fieldName: 'tracking_number', nullable: true },
    trackingUrl: { type: 'text', fieldName: 'tracking_url', nullable: true },
    deliveryAttempts: { type: 'integer', fieldName: 'delivery_attempts' },
    assignedAt: { type: 'datetime', fieldName: 'assigned_at', nullable: true },
    dispatchedAt: { type: 'datetime', fieldName: 'dispatched_at', nullable: true },
    deliveredAt: { type: 'datetime', fieldName: 'delivered_at', nullable: true },
    deliveryFailedAt: { type: 'datetime', fieldName: 'delivery_failed_at', nullable: true },
    cancelledAt: { type: 'datetime', fieldName: 'cancelled_at', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
