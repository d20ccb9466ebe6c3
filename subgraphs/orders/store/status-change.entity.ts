import { EntitySchema } from '@mikro-orm/postgresql';
import type { OrderStatus } from '../domain/saga/order-status.js';

/** A row of `orders.order_status_change`: one change of an order's status, numbered per order from 1. */
export interface StatusChangeRecord {
  orderId: string;
  sequence: number;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  reason: string | null;
  occurredAt: Date;
}

export const StatusChangeEntity = new EntitySchema<StatusChangeRecord>({
  name: 'OrderStatusChange',
  tableName: 'order_status_change',
  properties: {
    orderId: { type: 'uuid', fieldName: 'order_id', primary: true },
    sequence: { type: 'integer', primary: true },
    status: { type: 'text' },
    previousStatus: { type: 'text', fieldName: 'previous_status', nullable: true },
    reason: { type: 'text', nullable: true },
    occurredAt: { type: 'datetime', fieldName: 'occurred_at' },
  },
});
