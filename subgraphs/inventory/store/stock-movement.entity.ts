import { EntitySchema } from '@mikro-orm/postgresql';

export type MovementKind = 'SEEDED' | 'RECEIVED' | 'ADJUSTED' | 'RESERVED' | 'COMMITTED' | 'SHIPPED' | 'RELEASED' | 'EXPIRED' | 'RETURNED';

/** Who and why, for the movement log. */
export interface MovementInfo {
  kind: MovementKind;
  /** Staff subject, or "system". */
  actor: string;
  reason: string | null;
  /** Receipt reference or order id. */
  reference: string | null;
}

/** A row of the append-only `inventory.stock_movement` log (a trigger refuses updates and deletes). */
export interface StockMovementRecord extends MovementInfo {
  id: string;
  sku: string;
  warehouseId: string;
  deltaAvailable: number;
  deltaReserved: number;
  deltaCommitted: number;
  deltaShipped: number;
  occurredAt: Date;
}

export const StockMovementEntity = new EntitySchema<StockMovementRecord>({
  name: 'StockMovement',
  tableName: 'stock_movement',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    sku: { type: 'text' },
    warehouseId: { type: 'text', fieldName: 'warehouse_id' },
    kind: { type: 'text' },
    deltaAvailable: { type: 'integer', fieldName: 'delta_available' },
    deltaReserved: { type: 'integer', fieldName: 'delta_reserved' },
    deltaCommitted: { type: 'integer', fieldName: 'delta_committed' },
    deltaShipped: { type: 'integer', fieldName: 'delta_shipped' },
    actor: { type: 'text' },
    reason: { type: 'text', nullable: true },
    reference: { type: 'text', nullable: true },
    occurredAt: { type: 'datetime', fieldName: 'occurred_at', defaultRaw: 'now()' },
  },
});
