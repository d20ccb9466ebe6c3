import { EntitySchema } from '@mikro-orm/postgresql';

/** A row of the append-only `returns.write_off`: returned units that failed inspection and were not restocked. */
export interface WriteOffRecord {
  id: string;
  returnId: string;
  orderId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  /** The reason the customer gave for returning them. */
  reason: string;
  /** The warehouse staff member who inspected the parcel. */
  actor: string;
  recordedAt: Date;
}

export const WriteOffEntity = new EntitySchema<WriteOffRecord>({
  name: 'WriteOff',
  tableName: 'write_off',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    returnId: { type: 'uuid', fieldName: 'return_id' },
    orderId: { type: 'uuid', fieldName: 'order_id' },
    sku: { type: 'text' },
    warehouseId: { type: 'text', fieldName: 'warehouse_id' },
    quantity: { type: 'integer' },
    reason: { type: 'text' },
    actor: { type: 'text' },
    recordedAt: { type: 'datetime', fieldName: 'recorded_at', onCreate: () => new Date() },
  },
});
