import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { NewAttempt } from './attempt-log.repository.js';
import type { PaymentRecord } from './payment.entity.js';
import type { RefundRecord } from './refund.entity.js';

/** Insert a row this request created, or update one it read under the order's lock. */
export type RowWrite<T> = { insert: T } | { update: T };

/** Everything one payment use case writes; a part left out (null, empty) writes nothing. */
export interface PaymentWrite {
  payment: RowWrite<PaymentRecord> | null;
  refund: RowWrite<RefundRecord> | null;
  /** One per provider attempt (the append-only log). */
  attempts: NewAttempt[];
  outbox: PendingOutboxRow[];
}

const PAYMENT_INSERT_COLUMNS = [
  'id', 'order_id', 'customer_id', 'status', 'amount_cents', 'currency', 'gateway', 'gateway_reference', 'failure_reason', 'failure_kind', 'attempts',
  'captured_cents', 'refunded_cents', 'authorized_at', 'authorization_expires_at', 'captured_at', 'voided_at', 'created_at', 'updated_at',
];
const paymentInsertValues = (p: PaymentRecord): unknown[] => [
  p.id, p.orderId, p.customerId, p.status, p.amountCents, p.currency, p.gateway, p.gatewayReference, p.failureReason, p.failureKind, p.attempts,
  p.capturedCents, p.refundedCents, p.authorizedAt, p.authorizationExpiresAt, p.capturedAt, p.voidedAt, p.createdAt, p.updatedAt,
];
/** What the lifecycle changes; the order, customer, amount, currency and provider are fixed at creation. */
const PAYMENT_UPDATE_COLUMNS = [
  'status', 'gateway_reference', 'failure_reason', 'failure_kind', 'attempts', 'captured_cents', 'refunded_cents',
  'authorized_at', 'authorization_expires_at', 'captured_at', 'voided_at', 'updated_at',
];
const paymentUpdateValues = (p: PaymentRecord): unknown[] => [
  p.status, p.gatewayReference, p.failureReason, p.failureKind, p.attempts, p.capturedCents, p.refundedCents,
  p.authorizedAt, p.authorizationExpiresAt, p.capturedAt, p.voidedAt, p.updatedAt,
];

const REFUND_INSERT_COLUMNS = [
  'id', 'payment_id', 'order_id', 'amount_cents', 'currency', 'status', 'reason', 'failure_reason', 'gateway_reference', 'attempts',
  'created_at', 'completed_at', 'manual_reference', 'settled_by',
];
const refundInsertValues = (r: RefundRecord): unknown[] => [
  r.id, r.paymentId, r.orderId, r.amountCents, r.currency, r.status, r.reason, r.failureReason, r.gatewayReference, r.attempts,
  r.createdAt, r.completedAt, r.manualReference, r.settledBy,
];
const REFUND_UPDATE_COLUMNS = ['status', 'failure_reason', 'gateway_reference', 'attempts', 'completed_at', 'manual_reference', 'settled_by'];
const refundUpdateValues = (r: RefundRecord): unknown[] => [r.status, r.failureReason, r.gatewayReference, r.attempts, r.completedAt, r.manualReference, r.settledBy];

const ATTEMPT_COLUMNS = ['payment_id', 'refund_id', 'operation', 'attempt', 'outcome', 'failure_kind', 'failure_message', 'idempotency_key', 'started_at', 'duration_ms'];
const attemptValues = (a: NewAttempt): unknown[] => [
  a.paymentId, a.refundId, a.operation, a.attempt, a.outcome, a.failureKind, a.failureMessage, a.idempotencyKey, a.startedAt, a.durationMs,
];

/**
 * Writes what a payment use case decided in ONE statement (platform/combined-statement.ts): the
 * payment and refund rows, the attempt log and the outbox rows, in the caller's transaction — so
 * a failure of any part leaves none of them, and a rollback after it (a throw later on) takes
 * them all back. Foreign keys from attempts and refunds to the payment are checked at commit
 * (deferred), so a payment inserted here may already be referenced here.
 */
export async function writePayment(em: EntityManager, write: PaymentWrite): Promise<void> {
  const table = (name: string) => `"${em.config.get('schema')}".${name}`;
  const statement = new CombinedStatement();

  if (write.payment && 'insert' in write.payment) statement.add(insertRows(table('payment'), PAYMENT_INSERT_COLUMNS, 1), paymentInsertValues(write.payment.insert));
  else if (write.payment) statement.add(updateRow(table('payment'), PAYMENT_UPDATE_COLUMNS), [...paymentUpdateValues(write.payment.update), write.payment.update.id]);

  if (write.refund && 'insert' in write.refund) statement.add(insertRows(table('refund'), REFUND_INSERT_COLUMNS, 1), refundInsertValues(write.refund.insert));
  else if (write.refund) statement.add(updateRow(table('refund'), REFUND_UPDATE_COLUMNS), [...refundUpdateValues(write.refund.update), write.refund.update.id]);

  if (write.attempts.length) statement.add(insertRows(table('payment_attempt'), ATTEMPT_COLUMNS, write.attempts.length), write.attempts.flatMap(attemptValues));

  if (write.outbox.length) {
    const insert = outboxInsert(em, write.outbox);
    statement.add(insert.sql, insert.params);
  }

  await statement.write(em);
}

function insertRows(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}`;
}

const updateRow = (table: string, columns: readonly string[]): string => `update ${table} set ${columns.map((column) => `${column} = ?`).join(', ')} where id = ?`;
