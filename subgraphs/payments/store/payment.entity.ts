import { EntitySchema } from '@mikro-orm/postgresql';
import type { PaymentStatus } from '../domain/payment.js';
import type { FailureKind } from '../domain/retry.js';

/** A row of `payments.payment`: one per order (unique order id), whatever became of it. */
export interface PaymentRecord {
  id: string;
  orderId: string;
  /** The order's customer (from the request's envelope); ownership of `Order.payment` is checked against it. */
  customerId: string | null;
  status: PaymentStatus;
  /** The authorized (requested) amount; 0 for a void that overtook its authorization request. */
  amountCents: number;
  currency: string;
  /** The adapter that holds this payment: later calls must go to the same provider. */
  gateway: string;
  /** The provider's id of the authorization (a PaymentIntent id with Stripe); null when none was made. */
  gatewayReference: string | null;
  failureReason: string | null;
  /** The provider failure's kind behind `failureReason`; null when a rule (not the provider) refused. */
  failureKind: FailureKind | null;
  /** Provider calls made for this payment, retries included (= its rows in the attempt log). */
  attempts: number;
  capturedCents: number;
  refundedCents: number;
  authorizedAt: Date | null;
  authorizationExpiresAt: Date | null;
  capturedAt: Date | null;
  voidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentEntity = new EntitySchema<PaymentRecord>({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: { type: 'uuid', fieldName: 'order_id', unique: true },
    customerId: { type: 'text', fieldName: 'customer_id', nullable: true },
    status: { type: 'text' },
    amountCents: { type: 'integer', fieldName: 'amount_cents' },
    currency: { type: 'text' },
    gateway: { type: 'text' },
    gatewayReference: { type: 'text', fieldName: 'gateway_reference', nullable: true },
    failureReason: { type: 'text', fieldName: 'failure_reason', nullable: true },
    failureKind: { type: 'text', fieldName: 'failure_kind', nullable: true },
    attempts: { type: 'integer' },
    capturedCents: { type: 'integer', fieldName: 'captured_cents' },
    refundedCents: { type: 'integer', fieldName: 'refunded_cents' },
    authorizedAt: { type: 'datetime', fieldName: 'authorized_at', nullable: true },
    authorizationExpiresAt: { type: 'datetime', fieldName: 'authorization_expires_at', nullable: true },
    capturedAt: { type: 'datetime', fieldName: 'captured_at', nullable: true },
    voidedAt: { type: 'datetime', fieldName: 'voided_at', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
