import { createStubAddressVerifier } from '../../platform/address-verification/stub-address-verifier.js';
import { withVerificationPolicy } from '../../platform/address-verification/verification-policy.js';
import { ArrivalListener } from '../../platform/arrivals.js';
import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { checkoutHandlers } from './handlers/checkout.handlers.js';
import { addressProjectionHandlers, catalogProjectionHandlers } from './handlers/projection.handlers.js';
import { sagaHandlers } from './handlers/saga.handlers.js';
import { registerOrdersMetrics } from './metrics.js';
import { startCheckoutExpiry } from './jobs/checkout-expiry.job.js';
import { startSagaTimeouts } from './jobs/saga-timeouts.job.js';
import { createOrdersLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { CheckoutEntity } from './store/checkout.entity.js';
import { Migration0001Orders } from './store/migrations/0001-orders.js';
import { OrderEntity } from './store/order.entity.js';
import { OrderSagaEntity } from './store/order-saga.entity.js';
import { CustomerAddressEntity, ProductPriceEntity } from './store/projection.entities.js';
import { TimelineEntity } from './store/timeline.entity.js';
import { createOrdersUseCases, type OrdersDeps } from './use-cases/index.js';
import { ORDERS_ARRIVALS_CHANNEL } from './use-cases/scope.js';

/**
 * The orders subgraph (SPEC §6): checkouts started from carts, orders, and the order saga that
 * orchestrates inventory, payments and fulfillment through events. Prices and saved addresses
 * come from local projections of catalog's and customers' events. Wired by hand.
 */
export const ordersSubgraph: SubgraphSpec<Context> = {
  name: 'orders',
  schemaFile: 'subgraphs/orders/schema.graphql',
  entities: [CheckoutEntity, OrderEntity, OrderSagaEntity, TimelineEntity, ProductPriceEntity, CustomerAddressEntity],
  migrations: [{ name: '0001-orders', class: Migration0001Orders }],
  build({ config, orm, log }) {
    const settings = config.orders;
    const arrivals = new ArrivalListener(config.database.url, ORDERS_ARRIVALS_CHANNEL, log.child({ component: 'arrivals' }));
    const deps: OrdersDeps = {
      eventNamespace: config.nats.namespace,
      // the stub is the only address service so far (as in customers); a real provider implements AddressVerifier
      addressVerification: withVerificationPolicy(createStubAddressVerifier(), {
        timeoutMs: config.addressVerification.timeoutMs,
        log: log.child({ component: 'address-verification' }),
      }),
      checkoutTtlMs: settings.checkoutTtlMs,
      checkoutWaitMs: settings.checkoutWaitMs,
      arrivals,
      saga: {
        confirmationTimeoutMs: settings.confirmationTimeoutMs,
        returnWindowMs: settings.returnWindowMs,
        customerCancelWindowMs: settings.customerCancelWindowMs,
      },
      clock: () => new Date(),
    };
    const useCases = createOrdersUseCases(deps);
    return {
      resolvers: createResolvers(useCases),
      createContext: (base) => {
        const em = forkEm(orm);
        return { ...base, em, loaders: createOrdersLoaders(em) };
      },
      registerMetrics: (registry) => registerOrdersMetrics(registry, orm),
      handlers: [...checkoutHandlers(), ...catalogProjectionHandlers(), ...addressProjectionHandlers(), ...sagaHandlers(deps)],
      jobs: [
        () => arrivals.start(),
        () => startSagaTimeouts({ orm, deps, everyMs: settings.timeoutPollMs, log: log.child({ component: 'saga-timeouts' }) }),
        () =>
          startCheckoutExpiry({
            orm,
            eventNamespace: deps.eventNamespace,
            ttlMs: settings.checkoutTtlMs,
            everyMs: settings.checkoutExpirySweepMs,
            log: log.child({ component: 'checkout-expiry' }),
          }),
      ],
    };
  },
};
