import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { PaymentEntity, type PaymentRecord } from './payment.entity.js';
import { RefundEntity, type RefundRecord } from './refund.entity.js';

export type NewPayment = Omit<PaymentRecord, 'createdAt' | 'updatedAt'>;
export type NewRefund = Omit<RefundRecord, 'createdAt'>;

/** Payments (one per order) and their refunds. Changes are flushed with the caller's transaction. */
export class PaymentRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inside a transaction: serialises everything done for one order (two deliveries of requests for
   * the same order, even before its payment row exists), then reads its payment under a row lock.
   * Held until commit, provider calls included: a second request for the order waits, then finds
   * the first one's outcome instead of calling the provider again.
   */
  async lockForOrder(orderId: string): Promise<PaymentRecord | null> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`payments.payment:${orderId}`]);
    return this.em.findOne(PaymentEntity, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  add(payment: NewPayment): PaymentRecord {
    return this.em.create(PaymentEntity, payment as never);
  }

  async findByOrderIds(orderIds: readonly string[]): Promise<PaymentRecord[]> {
    return orderIds.length ? this.em.find(PaymentEntity, { orderId: { $in: [...orderIds] } }) : [];
  }

  async findByIds(ids: readonly string[]): Promise<PaymentRecord[]> {
    return ids.length ? this.em.find(PaymentEntity, { id: { $in: [...ids] } }) : [];
  }

  async findRefund(refundId: string): Promise<RefundRecord | null> {
    return this.em.findOne(RefundEntity, { id: refundId }, { refresh: true });
  }

  addRefund(refund: NewRefund): RefundRecord {
    return this.em.create(RefundEntity, refund as never);
  }

  /** Oldest first. */
  async refundsOf(paymentIds: readonly string[]): Promise<RefundRecord[]> {
    return paymentIds.length ? this.em.find(RefundEntity, { paymentId: { $in: [...paymentIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
  }
}
