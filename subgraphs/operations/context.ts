import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../platform/subgraph-server.js';

/** Per request: the verified caller and logger, and an EntityManager fork. */
export type Context = RequestContext & {
  em: EntityManager;
};
