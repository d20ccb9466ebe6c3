import { EntitySchema } from '@mikro-orm/postgresql';
import type { CartUpdateReason } from '../domain/cart.js';

/** A row of `cart.cart_history`: one published change of a cart (the CartChanged event's id). */
export interface CartHistoryRecord {
  eventId: string;
  cartId: string;
  reason: CartUpdateReason;
  sku: string | null;
  itemCount: number;
  subtotalCents: number;
  /** What else is worth keeping (e.g. merged lines that did not fit). */
  detail: Record<string, unknown> | null;
  occurredAt: Date;
}

export const CartHistoryEntity = new EntitySchema<CartHistoryRecord>({
  name: 'CartHistory',
  tableName: 'cart_history',
  properties: {
    eventId: { type: 'uuid', primary: true, fieldName: 'event_id' },
    cartId: { type: 'uuid', fieldName: 'cart_id' },
    reason: { type: 'text' },
    sku: { type: 'text', nullable: true },
    itemCount: { type: 'integer', fieldName: 'item_count' },
    subtotalCents: { type: 'integer', fieldName: 'subtotal_cents' },
    detail: { type: 'json', nullable: true },
    occurredAt: { type: 'datetime', fieldName: 'occurred_at' },
  },
});
