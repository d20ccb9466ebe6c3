import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRecord } from '../../../platform/plain-record.js';
import { PaymentEntity, type PaymentRecord } from './payment.entity.js';
import { RefundEntity, type RefundRecord } from './refund.entity.js';
import { lockForTransaction } from '../../../platform/advisory-locks.js';

/** The advisory lock everything done for one order's payment queues on (the messaging kit takes it with a request's inbox row). */
export const paymentLockKey = (orderId: string): string => `payments.payment:${orderId}`;

/**
 * Payments (one per order) and their refunds. What a use case changes it reads here as plain
 * records, never managed entities: it writes them itself in one statement
 * (payment-write.statement.ts), and the unit of work must not write them a second time. The
 * batched reads of the GraphQL resolvers stay on the ORM: they change nothing.
 */
export class PaymentRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /**
   * Inside a transaction: serialises everything done for one order (two deliveries of requests for
   * the same order, even before its payment row exists), then reads its payment under a row lock.
   * Held until commit, provider calls included: a second request for the order waits, then finds
   * the first one's outcome instead of calling the provider again. Two statements on purpose: the
   * row is read by a statement that starts after the advisory lock is granted, so under READ
   * COMMITTED it sees what the previous holder committed (a payment it inserted, too).
   */
  async lockForOrder(orderId: string): Promise<PaymentRecord | null> {
    await lockForTransaction(this.em, paymentLockKey(orderId));
    const [row] = await this.em.execute<Record<string, unknown>[]>(`select * from "${this.schema}".payment where order_id = ? for update`, [orderId]);
    return row ? plainRecord(this.em, PaymentEntity, row) : null;
  }

  /** A refund as it stands now (no cache): read again after the order's lock to see the last holder's changes. */
  async findRefund(refundId: string): Promise<RefundRecord | null> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(`select * from "${this.schema}".refund where id = ?`, [refundId]);
    return row ? plainRecord(this.em, RefundEntity, row) : null;
  }

  async findByOrderIds(orderIds: readonly string[]): Promise<PaymentRecord[]> {
    return orderIds.length ? this.em.find(PaymentEntity, { orderId: { $in: [...orderIds] } }) : [];
  }

  async findByIds(ids: readonly string[]): Promise<PaymentRecord[]> {
    return ids.length ? this.em.find(PaymentEntity, { id: { $in: [...ids] } }) : [];
  }

  /** Oldest first. */
  async refundsOf(paymentIds: readonly string[]): Promise<RefundRecord[]> {
    return paymentIds.length ? this.em.find(RefundEntity, { paymentId: { $in: [...paymentIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
  }

}
