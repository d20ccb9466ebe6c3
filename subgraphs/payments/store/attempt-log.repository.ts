import type { EntityManager } from '@mikro-orm/postgresql';
import { PaymentAttemptEntity, type PaymentAttemptRecord } from './payment-attempt.entity.js';

export type NewAttempt = Omit<PaymentAttemptRecord, 'id'>;

/** Reads of the append-only log of provider calls (rows are written by payment-write.statement.ts). */
export class AttemptLogRepository {
  constructor(private readonly em: EntityManager) {}

  /** Oldest first. */
  async of(paymentIds: readonly string[]): Promise<PaymentAttemptRecord[]> {
    return paymentIds.length ? this.em.find(PaymentAttemptEntity, { paymentId: { $in: [...paymentIds] } }, { orderBy: { id: 'asc' } }) : [];
  }
}
