import { EntitySchema } from '@mikro-orm/postgresql';
import type { ShipmentChange } from '../domain/shipment-lifecycle.js';

export type ShipmentHistoryKind = 'REQUESTED' | ShipmentChange['kind'];

/** A row of `fulfillment.shipment_history` (append-only): one step of a shipment, oldest first by id. */
export interface ShipmentHistoryRecord {
  id: string;
  shipmentId: string;
  kind: ShipmentHistoryKind;
  /** The staff member's id, `carrier:<NAME>` for carrier reports, or `system` (events, simulation). */
  actor: string;
  detail: string | null;
  occurredAt: Date;
}

export const ShipmentHistoryEntity = new EntitySchema<ShipmentHistoryRecord>({
  name: 'ShipmentHistory',
  tableName: 'shipment_history',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    shipmentId: { type: 'uuid', fieldName: 'shipment_id' },
    kind: { type: 'text' },
    actor: { type: 'text' },
    detail: { type: 'text', nullable: true },
    occurredAt: { type: 'datetime', fieldName: 'occurred_at' },
  },
});
