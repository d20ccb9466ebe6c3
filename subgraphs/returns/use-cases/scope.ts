import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';
import type { ReturnCarrierAdapter } from '../carrier/return-carrier.js';
import type { ReturnPolicy } from '../domain/return-rules.js';

/** What a request's use case needs: who is calling and the request's EntityManager fork. */
export interface ReturnsScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface ReturnsDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  carrier: ReturnCarrierAdapter;
  policy: ReturnPolicy;
  /** The wall clock; tests move it past the return window. */
  clock: () => Date;
}
