import type { FailureKind } from '../../domain/retry.js';
import type { Money } from '../../domain/money.js';

/**
 * The payment provider, behind the smallest interface the payment lifecycle needs (SPEC §7).
 * Every call carries an idempotency key (domain/idempotency-keys.ts); adapters pass it to the
 * provider so a repeated call returns the first result. Failures are thrown as
 * PaymentGatewayError; the use cases decide about retries (domain/retry.ts).
 */
export interface PaymentGateway {
  readonly name: 'stub' | 'stripe';
  /** Holds `amount` on the payment method; returns the provider's reference for later calls. */
  authorize(request: AuthorizeRequest): Promise<{ reference: string }>;
  /** Captures up to the authorized amount; the rest of the hold is released. */
  capture(request: { reference: string; amount: Money; idempotencyKey: string }): Promise<void>;
  /** Releases an uncaptured hold. */
  void(request: { reference: string; idempotencyKey: string }): Promise<void>;
  /** Gives back part or all of a capture; returns the provider's refund reference. */
  refund(request: { reference: string; refundId: string; amount: Money; idempotencyKey: string }): Promise<{ reference: string }>;
}

export interface AuthorizeRequest {
  paymentId: string;
  orderId: string;
  amount: Money;
  /** From the provider's client-side SDK (never card data). */
  paymentToken: string;
  idempotencyKey: string;
}

/** A provider call that did not succeed, classified for the retry matrix. */
export class PaymentGatewayError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** Defaults: timeouts and unavailability are worth another attempt; declines and rejections are not. */
    readonly retriable: boolean = kind === 'TIMEOUT' || kind === 'UNAVAILABLE',
  ) {
    super(message);
    this.name = 'PaymentGatewayError';
  }
}
