import { createAddressVerification } from '../../platform/address-verification/create-address-verification.js';
import { ArrivalListener } from '../../platform/arrivals.js';
import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { checkoutHandlers } from './handlers/checkout.handlers.js';
import { couponHandlers } from './handlers/coupon.handlers.js';
import { addressProjectionHandlers, catalogProjectionHandlers } from './handlers/projection.handlers.js';
import { sagaHandlers } from './handlers/saga.handlers.js';
import { registerOrdersMetrics } from './metrics.js';
import { startCheckoutExpiry } from './jobs/checkout-expiry.job.js';
import { startSagaTimeouts } from './jobs/saga-timeouts.job.js';
import { createOrdersLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { CheckoutEntity } from './store/checkout.entity.js';
import { Migration0001Orders } from './store/migrations/0001-orders.js';
import { Migration0002OrderNumbers } from './store/migrations/0002-order-numbers.js';
import { Migration0003OrderStatusHistory } from './store/migrations/0003-order-status-history.js';
import { StatusChangeEntity } from './store/status-change.entity.js';
import { Migration0004Coupons } from './store/migrations/0004-coupons.js';
import { Migration0005CheckoutVersion } from './store/migrations/0005-checkout-version.js';
import { OrderEntity } from './store/order.entity.js';
import { OrderSagaEntity } from './store/order-saga.entity.js';
import { CustomerAddressEntity, ProductPriceEntity } from './store/projection.entities.js';
import { TimelineEntity } from './store/timeline.entity.js';
import { createOrdersUseCases, type OrdersDeps } from './use-cases/index.js';
import { RecentSagas } from './use-cases/recent-sagas.js';
import { CommittedVersions } from '../../platform/committed-versions.js';
import type { CheckoutRecord } from './store/checkout.entity.js';
import { ORDERS_ARRIVALS_CHANNEL } from './use-cases/scope.js';

/**
 * The orders subgraph (SPEC §6): checkouts started from carts, orders, and the order saga that
 * orchestrates inventory, payments and fulfillment through events. Prices and saved addresses
 * come from local projections of catalog's and customers' events. Wired by hand.
 */
export const ordersSubgraph: SubgraphSpec<Context> = {
  name: 'orders',
  schemaFile: 'subgraphs/orders/schema.graphql',
  entities: [CheckoutEntity, OrderEntity, OrderSagaEntity, TimelineEntity, StatusChangeEntity, ProductPriceEntity, CustomerAddressEntity],
  migrations: [
    { name: '0001-orders', class: Migration0001Orders },
    { name: '0002-order-numbers', class: Migration0002OrderNumbers },
    { name: '0003-order-status-history', class: Migration0003OrderStatusHistory },
    { name: '0004-coupons', class: Migration0004Coupons },
    { name: '0005-checkout-version', class: Migration0005CheckoutVersion },
  ],
  build({ config, orm, log, outbound }) {
    const settings = config.orders;
    const arrivals = new ArrivalListener(config.database.url, ORDERS_ARRIVALS_CHANNEL, log.child({ component: 'arrivals' }));
    const deps: OrdersDeps = {
      eventNamespace: config.nats.namespace,
      addressVerification: createAddressVerification({ config, outbound, log }),
      checkoutTtlMs: settings.checkoutTtlMs,
      checkoutWaitMs: settings.checkoutWaitMs,
      arrivals,
      saga: {
        confirmationTimeoutMs: settings.confirmationTimeoutMs,
        returnWindowMs: settings.returnWindowMs,
        customerCancelWindowMs: settings.customerCancelWindowMs,
      },
      recentSagas: new RecentSagas(),
      recentCheckouts: new CommittedVersions<CheckoutRecord>((checkout) => checkout.version),
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
      handlers: [...checkoutHandlers(deps), ...catalogProjectionHandlers(), ...addressProjectionHandlers(), ...sagaHandlers(deps), ...couponHandlers(deps)],
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
