import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../platform/subgraph-server.js';
import type { Loaders } from './loaders.js';
import type { CustomersDeps } from './use-cases/deps.js';

/** Per request: the verified caller and logger, an EntityManager fork, loaders and the context's collaborators. */
export type Context = RequestContext & {
  em: EntityManager;
  loaders: Loaders;
  deps: CustomersDeps;
};
