import { EntitySchema } from '@mikro-orm/postgresql';

export type RefundStatus = 'PENDING' | 'COMPLETED' | 'FAILED';

/** A row of `payments.refund`: its id is the refundId orders minted (one row per refund request). */
export interface RefundRecord {
  id: string;
  paymentId: string;
  orderId: string;
  amountCents: number;
  currency: string;
  status: RefundStatus;
  /** Why orders asked for it (CANCELLED, ON_HOLD, …). */
  reason: string;
  failureReason: string | null;
  gatewayReference: string | null;
  /** Provider calls made for this refund, retries included. */
  attempts: number;
  createdAt: Date;
  completedAt: Date | null;
  /** A refund staff made outside the provider (recordManualRefund): their reference. */
  manualReference: string | null;
  /** The staff member who retried it or recorded it as refunded by hand; null for automatic refunds. */
  settledBy: string | null;
}

export const RefundEntity = new EntitySchema<RefundRecord>({
  name: 'Refund',
  tableName: 'refund',
  properties: {
    id: { type: 'uuid', primary: true },
    paymentId: { type: 'uuid', fieldName: 'payment_id' },
    orderId: { type: 'uuid', fieldName: 'order_id' },
    amountCents: { type: 'integer', fieldName: 'amount_cents' },
    currency: { type: 'text' },
    status: { type: 'text' },
    reason: { type: 'text' },
    failureReason: { type: 'text', fieldName: 'failure_reason', nullable: true },
    gatewayReference: { type: 'text', fieldName: 'gateway_reference', nullable: true },
    attempts: { type: 'integer' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    completedAt: { type: 'datetime', fieldName: 'completed_at', nullable: true },
    manualReference: { type: 'text', fieldName: 'manual_reference', nullable: true },
    settledBy: { type: 'text', fieldName: 'settled_by', nullable: true },
  },
});
