import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { startCartExpiry } from './expiry.js';
import { catalogProjectionHandlers } from './handlers/catalog-projection.handlers.js';
import { orderProjectionHandlers } from './handlers/order-projection.handlers.js';
import { couponProjectionHandlers } from './handlers/coupon-projection.handlers.js';
import { stockProjectionHandlers } from './handlers/stock-projection.handlers.js';
import { createResolvers } from './resolvers/index.js';
import { CartEntity } from './store/cart.entity.js';
import { CartHistoryEntity } from './store/cart-history.entity.js';
import { ProductProjectionEntity, StockProjectionEntity } from './store/projection.entities.js';
import { LRUCache } from 'lru-cache';
import { CommittedVersions } from '../../platform/committed-versions.js';
import type { ProductOffer } from './domain/cart.js';
import type { CartRecord } from './store/cart.entity.js';
import { Migration0001Cart } from './store/migrations/0001-cart.js';
import { Migration0002CartPastOrders } from './store/migrations/0002-cart-past-orders.js';
import { PastOrderEntity } from './store/past-order.entity.js';
import { Migration0003Coupons } from './store/migrations/0003-coupons.js';
import { Migration0004CartVersion } from './store/migrations/0004-cart-version.js';
import { createCartUseCases, type CartDeps } from './use-cases/index.js';

/**
 * The cart subgraph (SPEC §5): guests' and customers' carts, merge on sign-in, checkout into
 * orders, guest-cart expiry. Products and stock come from local projections of catalog's and
 * inventory's events. Wired by hand.
 */
export const cartSubgraph: SubgraphSpec<Context> = {
  name: 'cart',
  schemaFile: 'subgraphs/cart/schema.graphql',
  entities: [CartEntity, CartHistoryEntity, ProductProjectionEntity, StockProjectionEntity, PastOrderEntity],
  migrations: [
    { name: '0001-cart', class: Migration0001Cart },
    { name: '0002-cart-past-orders', class: Migration0002CartPastOrders },
    { name: '0003-coupons', class: Migration0003Coupons },
    { name: '0004-cart-version', class: Migration0004CartVersion },
  ],
  build({ config, orm, log, verifier }) {
    const deps: CartDeps = {
      eventNamespace: config.nats.namespace,
      verifier,
      guestTtlMs: config.cart.guestTtlMs,
      clock: () => new Date(),
      recentCarts: new CommittedVersions<CartRecord>((cart) => cart.version),
      recentOffers: new LRUCache<string, ProductOffer>({ max: 10_000 }),
    };
    const useCases = createCartUseCases(deps);
    return {
      resolvers: createResolvers(useCases, { guestTtlMs: deps.guestTtlMs }),
      createContext: (base) => ({ ...base, em: forkEm(orm) }),
      handlers: [...catalogProjectionHandlers(), ...stockProjectionHandlers(), ...orderProjectionHandlers(), ...couponProjectionHandlers()],
      jobs: [
        () =>
          startCartExpiry({
            orm,
            eventNamespace: deps.eventNamespace,
            guestTtlMs: deps.guestTtlMs,
            everyMs: config.cart.expirySweepMs,
            log: log.child({ component: 'cart-expiry' }),
          }),
      ],
    };
  },
};
