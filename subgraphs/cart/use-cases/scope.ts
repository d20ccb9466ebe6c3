import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, TokenVerifier } from '../../../platform/auth.js';
import type { Logger } from '../../../platform/logger.js';

/** What a use case needs from the request: who is calling, the request's fork and logger. */
export interface CartScope {
  caller: Caller;
  em: EntityManager;
  log: Logger;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface CartDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  /** Verifies the guest token handed to mergeCart. */
  verifier: TokenVerifier;
  /** A guest cart unchanged this long is abandoned (CART_GUEST_TTL_MS). */
  guestTtlMs: number;
  clock: () => Date;
}
