import { EntitySchema } from '@mikro-orm/postgresql';

export interface PastOrderItem {
  sku: string;
  quantity: number;
}

/** A row of `cart.past_order` (orders' OrderPlaced): what a customer ordered, for `reorder`. */
export interface PastOrderRecord {
  orderId: string;
  customerId: string;
  items: PastOrderItem[];
  placedAt: Date;
}

export const PastOrderEntity = new EntitySchema<PastOrderRecord>({
  name: 'PastOrder',
  tableName: 'past_order',
  properties: {
    orderId: { type: 'uuid', fieldName: 'order_id', primary: true },
    customerId: { type: 'text', fieldName: 'customer_id' },
    items: { type: 'json' },
    placedAt: { type: 'datetime', fieldName: 'placed_at' },
  },
});
