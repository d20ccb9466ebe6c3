import Stripe from 'stripe';
import type { Money } from '../../domain/money.js';
import { OutboundUnavailableError, type OutboundPolicy } from '../../../../platform/outbound/outbound-policy.js';
import type { OutboundClients } from '../../../../platform/outbound/outbound-clients.js';
import { PaymentGatewayError, type AuthorizeRequest, type PaymentGateway } from './payment-gateway.js';

export interface StripeGatewayOptions {
  secretKey: string;
  /** Another API origin (a local fake in tests, an egress proxy); Stripe's own when unset. */
  apiBase?: string | undefined;
  /** Per request; a slower answer is a (retriable) TIMEOUT. */
  timeoutMs: number;
  /** The resilience policy (breaker, bulkhead, timeout): see `stripePolicy`. */
  policy: OutboundPolicy;
}

/**
 * Stripe's policy: no HTTP-level retries — the retry matrix (3 attempts, each in the attempt
 * log, same idempotency key) is the one place that retries payment calls. The breaker counts the
 * failures the matrix would retry (timeouts, 5xx, 429, network); a decline is a healthy Stripe.
 */
export function stripePolicy(outbound: OutboundClients, timeoutMs: number): OutboundPolicy {
  return outbound.policy({ name: 'stripe', timeoutMs, retries: 0, isTransient: (err) => err instanceof PaymentGatewayError && err.retriable });
}

/**
 * Stripe through its official SDK (SPEC §7): an authorization is a PaymentIntent with
 * `capture_method: manual`, confirmed at once with the customer's PaymentMethod (the token
 * Stripe.js gave the storefront, `pm_…`); capture, void (cancel) and refunds act on that intent.
 * Amounts are in cents as Stripe wants them; every call carries our idempotency key.
 *
 * The SDK's own network retries are off: the retry matrix (3 attempts, recorded on the payment)
 * is the one place that retries, with the same idempotency key each time.
 */
export class StripePaymentGateway implements PaymentGateway {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly policy: OutboundPolicy;

  constructor(options: StripeGatewayOptions) {
    this.policy = options.policy;
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: 0,
      timeout: options.timeoutMs,
      telemetry: false,
      appInfo: { name: 'crittersupply-payments' },
      ...(options.apiBase ? endpointOf(options.apiBase) : {}),
    });
  }

  async authorize(request: AuthorizeRequest): Promise<{ reference: string }> {
    const intent = await this.send(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amount.cents,
          currency: request.amount.currency.toLowerCase(),
          capture_method: 'manual',
          confirm: true,
          payment_method: request.paymentToken,
          // cards only: no redirect-based methods, so no return_url is needed to confirm server-side
          payment_method_types: ['card'],
          metadata: { orderId: request.orderId, paymentId: request.paymentId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    // 3-D Secure and friends need the customer in the loop, which a server-side saga step cannot offer
    if (intent.status !== 'requires_capture') throw new PaymentGatewayError('DECLINED', `payment not authorized (Stripe status ${intent.status})`);
    return { reference: intent.id };
  }

  async capture(request: { reference: string; amount: Money; idempotencyKey: string }): Promise<void> {
    const intent = await this.send(() =>
      this.stripe.paymentIntents.capture(request.reference, { amount_to_capture: request.amount.cents }, { idempotencyKey: request.idempotencyKey }),
    );
    if (intent.status !== 'succeeded') throw new PaymentGatewayError('REJECTED', `capture not completed (Stripe status ${intent.status})`);
  }

  async void(request: { reference: string; idempotencyKey: string }): Promise<void> {
    await this.send(() => this.stripe.paymentIntents.cancel(request.reference, { cancellation_reason: 'abandoned' }, { idempotencyKey: request.idempotencyKey }));
  }

  async refund(request: { reference: string; refundId: string; amount: Money; idempotencyKey: string }): Promise<{ reference: string }> {
    const refund = await this.send(() =>
      this.stripe.refunds.create(
        { payment_intent: request.reference, amount: request.amount.cents, metadata: { refundId: request.refundId } },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (refund.status === 'failed' || refund.status === 'canceled') throw new PaymentGatewayError('REJECTED', `refund ${refund.status}: ${refund.failure_reason ?? 'no reason given'}`);
    return { reference: refund.id };
  }

  /** One Stripe call under the policy; an open breaker or a full bulkhead fails fast as UNAVAILABLE (the matrix retries later). */
  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(async () => {
        try {
          return await call();
        } catch (err) {
          throw classifyStripeError(err);
        }
      });
    } catch (err) {
      if (err instanceof OutboundUnavailableError) throw new PaymentGatewayError(err.reason === 'TIMEOUT' ? 'TIMEOUT' : 'UNAVAILABLE', `payment provider unavailable: ${err.message}`);
      throw err;
    }
  }
}

/** Stripe's error types → the retry matrix's kinds. */
export function classifyStripeError(err: unknown): PaymentGatewayError {
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new PaymentGatewayError('UNAVAILABLE', `payment provider call failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  switch (err.type) {
    case 'StripeCardError':
      return new PaymentGatewayError('DECLINED', `card declined: ${err.decline_code ?? err.code ?? err.message}`);
    case 'StripeConnectionError':
      return new PaymentGatewayError(/timeout/i.test(err.message) ? 'TIMEOUT' : 'UNAVAILABLE', `payment provider unreachable: ${err.message}`);
    case 'StripeAPIError':
    case 'StripeRateLimitError':
      return new PaymentGatewayError('UNAVAILABLE', `payment provider error: ${err.message}`);
    case 'StripeIdempotencyError':
    case 'StripeInvalidRequestError':
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
    default:
      return new PaymentGatewayError('REJECTED', `payment provider refused the request: ${err.message}`);
  }
}

function endpointOf(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}
