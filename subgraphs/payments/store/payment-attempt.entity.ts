import { EntitySchema } from '@mikro-orm/postgresql';
import type { FailureKind } from '../domain/retry.js';

export type GatewayOperation = 'AUTHORIZE' | 'CAPTURE' | 'VOID' | 'REFUND';

/** A row of the append-only `payments.payment_attempt` log: one provider call (a trigger refuses updates and deletes). */
export interface PaymentAttemptRecord {
  id: string;
  paymentId: string;
  /** Set for refund calls. */
  refundId: string | null;
  operation: GatewayOperation;
  /** 1-based within its call (the retry matrix allows 3). */
  attempt: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  failureKind: FailureKind | null;
  failureMessage: string | null;
  idempotencyKey: string;
  startedAt: Date;
  durationMs: number;
}

export const PaymentAttemptEntity = new EntitySchema<PaymentAttemptRecord>({
  name: 'PaymentAttempt',
  tableName: 'payment_attempt',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    paymentId: { type: 'uuid', fieldName: 'payment_id' },
    refundId: { type: 'uuid', fieldName: 'refund_id', nullable: true },
    operation: { type: 'text' },
    attempt: { type: 'integer' },
    outcome: { type: 'text' },
    failureKind: { type: 'text', fieldName: 'failure_kind', nullable: true },
    failureMessage: { type: 'text', fieldName: 'failure_message', nullable: true },
    idempotencyKey: { type: 'text', fieldName: 'idempotency_key' },
    startedAt: { type: 'datetime', fieldName: 'started_at' },
    durationMs: { type: 'integer', fieldName: 'duration_ms' },
  },
});
