import { EntitySchema } from '@mikro-orm/postgresql';
import type { AlertKind, AlertStatus } from '../domain/alert-lifecycle.js';

/** A row of `operations.alert`. Ids are UUIDv7: id order is the order alerts were raised in. */
export interface AlertRecord {
  id: string;
  kind: AlertKind;
  subject: string;
  status: AlertStatus;
  summary: string;
  orderId: string | null;
  sku: string | null;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
  escalatedAt: Date | null;
  /** The integration event that raised it. */
  causeEventId: string | null;
}

export const AlertEntity = new EntitySchema<AlertRecord>({
  name: 'Alert',
  tableName: 'alert',
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'text' },
    subject: { type: 'text' },
    status: { type: 'text' },
    summary: { type: 'text' },
    orderId: { type: 'uuid', fieldName: 'order_id', nullable: true },
    sku: { type: 'text', nullable: true },
    raisedAt: { type: 'datetime', fieldName: 'raised_at' },
    acknowledgedAt: { type: 'datetime', fieldName: 'acknowledged_at', nullable: true },
    acknowledgedBy: { type: 'text', fieldName: 'acknowledged_by', nullable: true },
    resolvedAt: { type: 'datetime', fieldName: 'resolved_at', nullable: true },
    resolvedBy: { type: 'text', fieldName: 'resolved_by', nullable: true },
    resolution: { type: 'text', nullable: true },
    escalatedAt: { type: 'datetime', fieldName: 'escalated_at', nullable: true },
    causeEventId: { type: 'text', fieldName: 'cause_event_id', nullable: true },
  },
});
