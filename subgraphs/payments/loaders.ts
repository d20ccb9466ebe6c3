import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttemptLogRepository } from './store/attempt-log.repository.js';
import type { PaymentAttemptRecord } from './store/payment-attempt.entity.js';
import type { PaymentRecord } from './store/payment.entity.js';
import { PaymentRepository } from './store/payment.repository.js';
import type { RefundRecord } from './store/refund.entity.js';

export interface PaymentsLoaders {
  paymentByOrderId: DataLoader<string, PaymentRecord | null>;
  paymentById: DataLoader<string, PaymentRecord | null>;
  refundsByPaymentId: DataLoader<string, RefundRecord[]>;
  attemptsByPaymentId: DataLoader<string, PaymentAttemptRecord[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Created per request (one query per tick per kind); ids that are not UUIDs match nothing. */
export function createPaymentsLoaders(em: EntityManager): PaymentsLoaders {
  const payments = new PaymentRepository(em);
  const attempts = new AttemptLogRepository(em);
  return {
    paymentByOrderId: new DataLoader(async (orderIds) => {
      const rows = await payments.findByOrderIds(orderIds.filter((id) => UUID.test(id)));
      return orderIds.map((id) => rows.find((row) => row.orderId === id.toLowerCase()) ?? null);
    }),
    paymentById: new DataLoader(async (ids) => {
      const rows = await payments.findByIds(ids.filter((id) => UUID.test(id)));
      return ids.map((id) => rows.find((row) => row.id === id.toLowerCase()) ?? null);
    }),
    refundsByPaymentId: new DataLoader(async (paymentIds) => {
      const rows = await payments.refundsOf(paymentIds);
      return paymentIds.map((id) => rows.filter((row) => row.paymentId === id));
    }),
    attemptsByPaymentId: new DataLoader(async (paymentIds) => {
      const rows = await attempts.of(paymentIds);
      return paymentIds.map((id) => rows.filter((row) => row.paymentId === id));
    }),
  };
}
