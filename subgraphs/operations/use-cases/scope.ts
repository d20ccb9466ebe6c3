import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';

/** What a request's use case needs: who is calling and the request's EntityManager fork. */
export interface OperationsScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface OperationsDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  /** SPEC §6: staff review ON_HOLD orders within this; still OPEN after it → escalated. */
  onHoldReviewTargetMs: number;
  /** Counts what the process did, for /metrics. */
  counters: { escalated(kind: string): void };
}

/** Every staff role reads and works alerts; dead letters are ADMIN's. */
export const ALERT_ROLES = ['CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER'] as const;
