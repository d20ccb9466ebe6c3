import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { redemptionHandlers } from './handlers/redemption.handlers.js';
import { createResolvers } from './resolvers/index.js';
import { CouponEntity } from './store/coupon.entity.js';
import { Migration0001Promotions } from './store/migrations/0001-promotions.js';
import { createPromotionsUseCases, type PromotionsDeps } from './use-cases/index.js';

/**
 * The promotions subgraph (SPEC §12): percentage-off coupons created and deactivated by staff.
 * Cart validates a coupon when it is applied and orders redeems it at placement, each against its
 * own projection of CouponCreated/CouponDeactivated; orders' redemptions come back here as counts
 * (docs/promotions.md). Wired by hand.
 */
export const promotionsSubgraph: SubgraphSpec<Context> = {
  name: 'promotions',
  schemaFile: 'subgraphs/promotions/schema.graphql',
  entities: [CouponEntity],
  migrations: [{ name: '0001-promotions', class: Migration0001Promotions }],
  build({ config, orm }) {
    const deps: PromotionsDeps = { eventNamespace: config.nats.namespace, clock: () => new Date() };
    return {
      resolvers: createResolvers(createPromotionsUseCases(deps)),
      createContext: (base) => ({ ...base, em: forkEm(orm) }),
      handlers: redemptionHandlers(),
    };
  },
};
