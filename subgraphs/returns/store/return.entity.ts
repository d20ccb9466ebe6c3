import { EntitySchema } from '@mikro-orm/postgresql';
import type { ReturnLine, ReturnStatus } from '../domain/return-rules.js';

export type RefundStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED';

export interface ReturnLabelRecord {
  carrier: string;
  trackingNumber: string;
  labelUrl: string;
}

/** A row of `returns.return`: one return of (part of) an order. */
export interface ReturnRecord {
  id: string;
  orderId: string;
  /** The order's customer: who may read it. */
  customerId: string;
  status: ReturnStatus;
  lines: ReturnLine[];
  comment: string | null;
  /** The request's content (lines, sorted): the same request sent again answers this return while it is open. */
  fingerprint: string;
  currency: string;
  /** The order's warehouse, where restocked units go. */
  warehouseId: string;
  /** Amounts as settled by domain/refund.ts: an estimate until RECEIVED. */
  restockingFeeCents: number;
  refundCents: number;
  label: ReturnLabelRecord | null;
  rejectionReason: string | null;
  refundId: string | null;
  refundStatus: RefundStatus | null;
  refundFailureReason: string | null;
  /** Counts the return's changes from 1 (ReturnUpdated.sequence). */
  sequence: number;
  requestedAt: Date;
  approvedAt: Date | null;
  receivedAt: Date | null;
  refundedAt: Date | null;
  updatedAt: Date;
}

export const ReturnEntity = new EntitySchema<ReturnRecord>({
  name: 'Return',
  tableName: 'return',
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: { type: 'uuid', fieldName: 'order_id' },
    customerId: { type: 'text', fieldName: 'customer_id' },
    status: { type: 'text' },
    lines: { type: 'json' },
    comment: { type: 'text', nullable: true },
    fingerprint: { type: 'text' },
    currency: { type: 'text' },
    warehouseId: { type: 'text', fieldName: 'warehouse_id' },
    restockingFeeCents: { type: 'integer', fieldName: 'restocking_fee_cents' },
    refundCents: { type: 'integer', fieldName: 'refund_cents' },
    label: { type: 'json', nullable: true },
    rejectionReason: { type: 'text', fieldName: 'rejection_reason', nullable: true },
    refundId: { type: 'uuid', fieldName: 'refund_id', nullable: true },
    refundStatus: { type: 'text', fieldName: 'refund_status', nullable: true },
    refundFailureReason: { type: 'text', fieldName: 'refund_failure_reason', nullable: true },
    sequence: { type: 'integer' },
    requestedAt: { type: 'datetime', fieldName: 'requested_at' },
    approvedAt: { type: 'datetime', fieldName: 'approved_at', nullable: true },
    receivedAt: { type: 'datetime', fieldName: 'received_at', nullable: true },
    refundedAt: { type: 'datetime', fieldName: 'refunded_at', nullable: true },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
