import { EntitySchema } from '@mikro-orm/postgresql';
import type { NotificationKind } from '../domain/kinds.js';

export type NotificationStatus = 'QUEUED' | 'SENT' | 'FAILED';

/** A row of `notifications.notification`: one e-mail, rendered when queued, with its sending history. */
export interface NotificationRecord {
  id: string;
  /** The integration event that caused it; with kind and recipient, unique. */
  eventId: string;
  kind: NotificationKind;
  recipient: string;
  customerId: string | null;
  orderId: string | null;
  subject: string;
  html: string;
  text: string;
  status: NotificationStatus;
  /** SMTP attempts made so far (SPEC §10: at most 3). */
  attempts: number;
  /** When the causing fact happened (the event's occurredAt): the start of the delivery latency. */
  eventAt: Date;
  /** When the sender should try next; null once SENT or FAILED. */
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

export const NotificationEntity = new EntitySchema<NotificationRecord>({
  name: 'Notification',
  tableName: 'notification',
  properties: {
    id: { type: 'uuid', primary: true },
    eventId: { type: 'uuid', fieldName: 'event_id' },
    kind: { type: 'text' },
    recipient: { type: 'text' },
    customerId: { type: 'text', fieldName: 'customer_id', nullable: true },
    orderId: { type: 'uuid', fieldName: 'order_id', nullable: true },
    subject: { type: 'text' },
    html: { type: 'text', lazy: true },
    text: { type: 'text', lazy: true },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    eventAt: { type: 'datetime', fieldName: 'event_at' },
    nextAttemptAt: { type: 'datetime', fieldName: 'next_attempt_at', nullable: true },
    lastError: { type: 'text', fieldName: 'last_error', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    sentAt: { type: 'datetime', fieldName: 'sent_at', nullable: true },
    failedAt: { type: 'datetime', fieldName: 'failed_at', nullable: true },
  },
});
