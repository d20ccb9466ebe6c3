import { EntitySchema } from '@mikro-orm/postgresql';
import type { CarrierReportType } from '../domain/carrier-report.js';

/** A row of `fulfillment.carrier_event`: a carrier report already handled, keyed by the carrier's event id. */
export interface CarrierEventRecord {
  eventId: string;
  shipmentId: string;
  type: CarrierReportType;
  /** APPLIED moved the shipment; IGNORED found it past the point (stale). */
  outcome: 'APPLIED' | 'IGNORED';
  receivedAt: Date;
}

export const CarrierEventEntity = new EntitySchema<CarrierEventRecord>({
  name: 'CarrierEvent',
  tableName: 'carrier_event',
  properties: {
    eventId: { type: 'text', primary: true, fieldName: 'event_id' },
    shipmentId: { type: 'uuid', fieldName: 'shipment_id' },
    type: { type: 'text' },
    outcome: { type: 'text' },
    receivedAt: { type: 'datetime', fieldName: 'received_at', onCreate: () => new Date() },
  },
});
