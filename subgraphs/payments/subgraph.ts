import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import { createPaymentGateway, type PaymentGateway } from './adapters/payment-gateway/index.js';
import type { Context } from './context.js';
import { PAYMENT_CALL_ATTEMPTS } from './domain/retry.js';
import { paymentRequestHandlers } from './handlers/payment-requests.handlers.js';
import { createPaymentsLoaders } from './loaders.js';
import { registerPaymentsMetrics } from './metrics.js';
import { createResolvers } from './resolvers/index.js';
import { Migration0001Payments } from './store/migrations/0001-payments.js';
import { Migration0002ManualRefunds } from './store/migrations/0002-manual-refunds.js';
import { PaymentAttemptEntity } from './store/payment-attempt.entity.js';
import { PaymentEntity } from './store/payment.entity.js';
import { RefundEntity } from './store/refund.entity.js';
import { createEscalatedRefundUseCases } from './use-cases/escalated-refunds.js';
import type { PaymentsDeps } from './use-cases/scope.js';

export interface PaymentsOverrides {
  /** Instead of the configured adapter (tests keep a handle on the stub). */
  gateway?: PaymentGateway;
  /** Instead of the wall clock (tests move time past an authorization's 7 days). */
  clock?: () => Date;
}

/**
 * The payments subgraph (SPEC §7): one payment per order, authorized, captured, voided and
 * refunded through the payment-provider adapter, driven by the saga's requests. Wired by hand.
 */
export function createPaymentsSubgraph(overrides: PaymentsOverrides = {}): SubgraphSpec<Context> {
  return {
    name: 'payments',
    schemaFile: 'subgraphs/payments/schema.graphql',
    entities: [PaymentEntity, RefundEntity, PaymentAttemptEntity],
    migrations: [
      { name: '0001-payments', class: Migration0001Payments },
      { name: '0002-manual-refunds', class: Migration0002ManualRefunds },
    ],
    build({ config, orm, log }) {
      const gateway = overrides.gateway ?? createPaymentGateway(config);
      if (config.env === 'production' && gateway.name === 'stub') log.warn('PAYMENT_GATEWAY=stub in production: cards are approved without any charge');
      const clock = overrides.clock ?? (() => new Date());
      const deps: PaymentsDeps = {
        eventNamespace: config.nats.namespace,
        gateway,
        clock,
        retry: {
          attempts: PAYMENT_CALL_ATTEMPTS,
          backoffMs: config.payments.retryBackoffMs,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          now: clock,
        },
      };
      return {
        resolvers: createResolvers(createEscalatedRefundUseCases(deps)),
        createContext: (base) => {
          const em = forkEm(orm);
          return { ...base, em, loaders: createPaymentsLoaders(em) };
        },
        handlers: paymentRequestHandlers(deps),
        registerMetrics: registerPaymentsMetrics,
      };
    },
  };
}

export const paymentsSubgraph: SubgraphSpec<Context> = createPaymentsSubgraph();
