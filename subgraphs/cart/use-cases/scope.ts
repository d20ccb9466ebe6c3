import type { EntityManager } from '@mikro-orm/postgresql';
import type { LRUCache } from 'lru-cache';
import type { CommittedVersions } from '../../../platform/committed-versions.js';
import type { ProductOffer } from '../domain/cart.js';
import type { CartRecord } from '../store/cart.entity.js';
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
  /** The carts this process last saw committed: item changes and the checkout decide on them (own-cart-changes.ts). */
  recentCarts: CommittedVersions<CartRecord>;
  /** The offers it last read, by SKU: a change decided on one is written only while the projection still holds it. */
  recentOffers: LRUCache<string, ProductOffer>;
}
