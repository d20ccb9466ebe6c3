import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { ReturnCarrierAdapter } from './carrier/return-carrier.js';
import { createReturnCarrier } from './carrier/create-return-carrier.js';
import type { Context } from './context.js';
import { orderHandlers } from './handlers/order.handlers.js';
import { refundHandlers } from './handlers/refund.handlers.js';
import { createReturnsLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { Migration0001Returns } from './store/migrations/0001-returns.js';
import { OrderViewEntity } from './store/order-view.entity.js';
import { ReturnEntity } from './store/return.entity.js';
import { WriteOffEntity } from './store/write-off.entity.js';
import { createReturnsUseCases, type ReturnsDeps } from './use-cases/index.js';

export interface ReturnsOverrides {
  /** Instead of the configured carrier (CARRIER_ADAPTER), e.g. a test's. */
  carrier?: ReturnCarrierAdapter;
  /** Instead of the wall clock (tests move time past the return window). */
  clock?: () => Date;
}

/**
 * The returns subgraph (SPEC §12): requests within the return window, approval (automatic unless
 * a reason is OTHER), a prepaid label, receipt and inspection (restock or write-off), and a
 * partial refund through payments. Talks to inventory, payments and orders by events only.
 */
export function createReturnsSubgraph(overrides: ReturnsOverrides = {}): SubgraphSpec<Context> {
  return {
    name: 'returns',
    schemaFile: 'subgraphs/returns/schema.graphql',
    entities: [OrderViewEntity, ReturnEntity, WriteOffEntity],
    migrations: [{ name: '0001-returns', class: Migration0001Returns }],
    build({ config, orm, outbound, log }) {
      const deps: ReturnsDeps = {
        eventNamespace: config.nats.namespace,
        // the carrier fulfillment books with (CARRIER_ADAPTER): EasyPost return labels when configured
        carrier: overrides.carrier ?? createReturnCarrier({ config, outbound, log }),
        // one return window for the whole system: the order closes when its returns stop being accepted
        policy: { windowMs: config.orders.returnWindowMs, restockingFeePercent: config.returns.restockingFeePercent },
        clock: overrides.clock ?? (() => new Date()),
      };
      return {
        resolvers: createResolvers(createReturnsUseCases(deps)),
        createContext: (base) => {
          const em = forkEm(orm);
          return { ...base, em, loaders: createReturnsLoaders(em) };
        },
        handlers: [...orderHandlers(), ...refundHandlers(deps)],
      };
    },
  };
}

export const returnsSubgraph: SubgraphSpec<Context> = createReturnsSubgraph();
