import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A row of `fulfillment.order_cancellation`: an order orders cancelled. Kept even when no shipment
 * exists yet, because the cancellation may overtake the FulfillmentRequested sent before it (two
 * consumers, no order between them): a request for a cancelled order opens a CANCELLED shipment.
 */
export interface OrderCancellationRecord {
  orderId: string;
  reason: string | null;
  cancelledAt: Date;
}

export const OrderCancellationEntity = new EntitySchema<OrderCancellationRecord>({
  name: 'OrderCancellation',
  tableName: 'order_cancellation',
  properties: {
    orderId: { type: 'text', primary: true, fieldName: 'order_id' },
    reason: { type: 'text', nullable: true },
    cancelledAt: { type: 'datetime', fieldName: 'cancelled_at', onCreate: () => new Date() },
  },
});
