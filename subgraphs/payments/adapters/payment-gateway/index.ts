import type { Config } from '../../../../platform/config.js';
import type { PaymentGateway } from './payment-gateway.js';
import type { OutboundClients } from '../../../../platform/outbound/outbound-clients.js';
import { StripePaymentGateway, stripePolicy } from './stripe-payment-gateway.js';
import { StubPaymentGateway } from './stub-payment-gateway.js';

export { PaymentGatewayError, type PaymentGateway } from './payment-gateway.js';
export { StubPaymentGateway } from './stub-payment-gateway.js';
export { StripePaymentGateway, stripePolicy } from './stripe-payment-gateway.js';

/**
 * The adapter the configuration names (PAYMENT_GATEWAY). Production has no default: a stub there
 * would approve every card without charging, so the payments process refuses to start unless
 * the choice was made explicitly.
 */
export function createPaymentGateway(config: Pick<Config, 'payments'>, outbound: OutboundClients): PaymentGateway {
  const { gateway, stripe, gatewayTimeoutMs } = config.payments;
  switch (gateway) {
    case 'stub':
      return new StubPaymentGateway();
    case 'stripe':
      if (!stripe.secretKey) throw new Error('STRIPE_SECRET_KEY is required when PAYMENT_GATEWAY=stripe');
      return new StripePaymentGateway({ secretKey: stripe.secretKey, apiBase: stripe.apiBase, timeoutMs: gatewayTimeoutMs, policy: stripePolicy(outbound, gatewayTimeoutMs) });
    case null:
      throw new Error('PAYMENT_GATEWAY must be set in production (stripe, or stub for a store that takes no real money)');
  }
}
