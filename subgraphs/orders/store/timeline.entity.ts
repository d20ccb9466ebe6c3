import { EntitySchema, type Opt } from '@mikro-orm/postgresql';

/** A row of `orders.order_timeline`: one step the order went through. */
export interface TimelineRecord {
  id: string & Opt;
  orderId: string;
  type: string;
  detail: string | null;
  occurredAt: Date;
}

export const TimelineEntity = new EntitySchema<TimelineRecord>({
  name: 'OrderTimelineEntry',
  tableName: 'order_timeline',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    orderId: { type: 'uuid', fieldName: 'order_id' },
    type: { type: 'text' },
    detail: { type: 'text', nullable: true },
    occurredAt: { type: 'datetime', fieldName: 'occurred_at' },
  },
});
