import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../platform/subgraph-server.js';
import type { ReturnsLoaders } from './loaders.js';

/** Per request: the verified caller and logger, an EntityManager fork, and batched lookups. */
export type Context = RequestContext & {
  em: EntityManager;
  loaders: ReturnsLoaders;
};
