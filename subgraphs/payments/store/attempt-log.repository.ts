import type { EntityManager } from '@mikro-orm/postgresql';
import { PaymentAttemptEntity, type PaymentAttemptRecord } from './payment-attempt.entity.js';

export type NewAttempt = Omit<PaymentAttemptRecord, 'id'>;

/** The append-only log of provider calls; rows are flushed with the caller's transaction. */
export class AttemptLogRepository {
  constructor(private readonly em: EntityManager) {}

  append(attempt: NewAttempt): void {
    this.em.create(PaymentAttemptEntity, attempt as never);
  }

  /** Oldest first. */
  async of(paymentIds: readonly string[]): Promise<PaymentAttemptRecord[]> {
    return paymentIds.length ? this.em.find(PaymentAttemptEntity, { paymentId: { $in: [...paymentIds] } }, { orderBy: { id: 'asc' } }) : [];
  }
}
