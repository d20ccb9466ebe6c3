import type { EntityManager } from '@mikro-orm/postgresql';
import type { PendingOutboxRow } from '../../../events/outbox.js';
import type { NewAttempt } from '../store/attempt-log.repository.js';
import type { PaymentRecord } from '../store/payment.entity.js';
import { PaymentRepository } from '../store/payment.repository.js';
import { writePayment, type RowWrite } from '../store/payment-write.statement.js';
import type { RefundRecord } from '../store/refund.entity.js';

/** A payment as a use case sees and changes it: its timestamps are stamped when its row is written. */
export type PaymentState = Omit<PaymentRecord, 'createdAt' | 'updatedAt'>;
/** A refund as a use case sees and changes it: `createdAt` is null until a refund created by this request is written. */
export type RefundState = Omit<RefundRecord, 'createdAt'> & { createdAt: Date | null };

/** A row the use case changes, and how it stood when read (null: created by this request). */
interface Tracked<T> {
  row: T;
  read: T | null;
}

/**
 * What one payment use case reads and changes, written at the end in one statement
 * (store/payment-write.statement.ts) in the caller's transaction: the payment and refund rows
 * (inserted when created here; updated only if a field differs from what was read — a repeated
 * request rewrites nothing), the attempt log and the announced events. The rows are plain
 * records, never in the ORM's identity map, so nothing else writes them.
 */
export class PaymentChanges {
  private readonly store: PaymentRepository;
  private payment: Tracked<PaymentState> | null = null;
  private refund: Tracked<RefundState> | null = null;
  private readonly attempts: NewAttempt[] = [];
  private readonly outbox: PendingOutboxRow[] = [];

  constructor(private readonly em: EntityManager) {
    this.store = new PaymentRepository(em);
  }

  /** The order's payment under its locks (store/payment.repository.ts, lockForOrder); changes to it are written. */
  async lockPayment(orderId: string): Promise<PaymentRecord | null> {
    const payment = await this.store.lockForOrder(orderId);
    if (payment) this.payment = { row: payment, read: { ...payment } };
    return payment;
  }

  /** A refund (of the locked payment's order: read after lockPayment); changes to it are written. */
  async refundOf(refundId: string): Promise<RefundRecord | null> {
    const refund = await this.store.findRefund(refundId);
    if (refund) this.refund = { row: refund, read: { ...refund } };
    return refund;
  }

  createPayment(payment: PaymentState): PaymentState {
    this.payment = { row: payment, read: null };
    return payment;
  }

  createRefund(refund: Omit<RefundState, 'createdAt'>): RefundState {
    const created = { ...refund, createdAt: null };
    this.refund = { row: created, read: null };
    return created;
  }

  logAttempt(attempt: NewAttempt): void {
    this.attempts.push(attempt);
  }

  announce(row: PendingOutboxRow): void {
    this.outbox.push(row);
  }

  /** Writes everything collected (nothing at all if nothing changed), stamping created and updated times now. */
  async write(): Promise<void> {
    const now = new Date();
    await writePayment(this.em, {
      // as the ORM stamped them: creation and change times are those of the write (a read row keeps its createdAt)
      payment: rowWrite(this.payment, (row) => ({ createdAt: now, ...row, updatedAt: now })),
      refund: rowWrite(this.refund, (row) => ({ ...row, createdAt: row.createdAt ?? now })),
      attempts: this.attempts,
      outbox: this.outbox,
    });
  }
}

/** Runs a use case on its own PaymentChanges and writes them once it has decided (not if it throws). */
export async function withPaymentChanges<T>(em: EntityManager, useCase: (changes: PaymentChanges) => Promise<T>): Promise<T> {
  const changes = new PaymentChanges(em);
  const outcome = await useCase(changes);
  await changes.write();
  return outcome;
}

function rowWrite<S extends object, R>(tracked: Tracked<S> | null, stamp: (row: S) => R): RowWrite<R> | null {
  if (!tracked) return null;
  if (!tracked.read) return { insert: stamp(tracked.row) };
  return changed(tracked.read, tracked.row) ? { update: stamp(tracked.row) } : null;
}

const changed = (read: object, row: object): boolean =>
  Object.entries(row).some(([field, value]) => !same(value, (read as Record<string, unknown>)[field]));

const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
