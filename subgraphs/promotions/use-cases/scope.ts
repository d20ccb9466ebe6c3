import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';

/** What a request's use case needs: who is calling and the request's EntityManager fork. */
export interface PromotionsScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface PromotionsDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  clock: () => Date;
}
