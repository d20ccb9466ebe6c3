import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { catalogHandlers } from './handlers/catalog.handlers.js';
import { reservationHandlers } from './handlers/reservation.handlers.js';
import { returnHandlers } from './handlers/return.handlers.js';
import { startReservationExpiry } from './jobs/reservation-expiry.job.js';
import { createInventoryLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { seedStock } from './seed.js';
import { Migration0001Inventory } from './store/migrations/0001-inventory.js';
import { Migration0002ReturnedUnits } from './store/migrations/0002-returned-units.js';
import { ReservationEntity } from './store/reservation.entity.js';
import { StockLevelEntity } from './store/stock-level.entity.js';
import { StockMovementEntity } from './store/stock-movement.entity.js';
import { createInventoryUseCases, type InventoryDeps } from './use-cases/index.js';

/**
 * The inventory subgraph (SPEC §4): warehouses, stock per SKU per warehouse with its movement log,
 * and the reservation engine the order saga drives through events. Wired by hand.
 */
export const inventorySubgraph: SubgraphSpec<Context> = {
  name: 'inventory',
  schemaFile: 'subgraphs/inventory/schema.graphql',
  entities: [StockLevelEntity, StockMovementEntity, ReservationEntity],
  migrations: [
    { name: '0001-inventory', class: Migration0001Inventory },
    { name: '0002-returned-units', class: Migration0002ReturnedUnits },
  ],
  build({ config, orm, log }) {
    const deps: InventoryDeps = { eventNamespace: config.nats.namespace, reservationTtlMs: config.inventory.reservationTtlMs };
    return {
      resolvers: createResolvers(createInventoryUseCases(deps)),
      createContext: (base) => {
        const em = forkEm(orm);
        return { ...base, em, loaders: createInventoryLoaders(em, base.caller) };
      },
      handlers: [...catalogHandlers(), ...reservationHandlers(deps), ...returnHandlers(deps)],
      // opening stock for the store's catalogue, wherever catalog seeds it (every environment but production)
      seed: config.env === 'production' ? undefined : async () => {
        await seedStock(forkEm(orm), deps.eventNamespace, log.child({ component: 'seed' }));
      },
      jobs: [() => startReservationExpiry({ orm, deps, pollMs: config.inventory.expiryPollMs, log: log.child({ component: 'reservation-expiry' }) })],
    };
  },
};
