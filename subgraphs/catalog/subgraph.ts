import type { SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { createCatalogLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { seedCatalog } from './seed.js';
import { ProductEntity } from './store/product.entity.js';
import { Migration0001CatalogProducts } from './store/migrations/0001-catalog-products.js';
import { Migration0002CatalogTypeAheadSearch } from './store/migrations/0002-catalog-type-ahead-search.js';
import { createCatalogUseCases } from './use-cases/index.js';

/** The catalog subgraph (SPEC §3): products, prices, statuses and product search. Wired by hand. */
export const catalogSubgraph: SubgraphSpec<Context> = {
  name: 'catalog',
  schemaFile: 'subgraphs/catalog/schema.graphql',
  entities: [ProductEntity],
  migrations: [
    { name: '0001-catalog-products', class: Migration0001CatalogProducts },
    { name: '0002-catalog-type-ahead-search', class: Migration0002CatalogTypeAheadSearch },
  ],
  build({ config, orm, log }) {
    const eventNamespace = config.nats.namespace;
    const useCases = createCatalogUseCases({ eventNamespace });
    return {
      resolvers: createResolvers(useCases),
      createContext: (base) => {
        const em = orm.em.fork();
        return { ...base, em, loaders: createCatalogLoaders(em) };
      },
      // the catalogue is the store's, not demo data: every environment but production gets it
      seed: config.env === 'production' ? undefined : async () => {
        await seedCatalog(orm.em.fork(), eventNamespace, log.child({ component: 'seed' }));
      },
    };
  },
};
