import type { EntityManager } from '@mikro-orm/postgresql';
import type { Arrivals } from '../../../platform/arrivals.js';
import type { Caller } from '../../../platform/auth.js';
import type { AddressVerification } from '../../../platform/address-verification/verification-policy.js';
import type { Logger } from '../../../platform/logger.js';
import type { SagaPolicy } from '../domain/saga/types.js';
import type { RecentSagas } from './recent-sagas.js';
import type { CommittedVersions } from '../../../platform/committed-versions.js';
import type { CheckoutRecord } from '../store/checkout.entity.js';

/** What a use case needs from the request: who is calling, the request's fork and logger. */
export interface OrdersScope {
  caller: Caller;
  em: EntityManager;
  log: Logger;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface OrdersDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  /** The address service behind its timeout policy (never throws, UNVERIFIED when it cannot answer). */
  addressVerification: AddressVerification;
  /** CHECKOUT_TTL_MS: a checkout untouched this long is abandoned. */
  checkoutTtlMs: number;
  /** CHECKOUT_WAIT_MS: how long a request waits for a checkout (or saved address) orders has not heard of yet. */
  checkoutWaitMs: number;
  /** Wakes those waits when a checkout or saved address arrives (keys: their ids), on any replica. */
  arrivals: Arrivals;
  saga: SagaPolicy;
  /** The sagas this process last saw committed (steps skip the locking read on them). */
  recentSagas: RecentSagas;
  /** The checkouts this process last saw committed, by id (a step decides on one without reading it first). */
  recentCheckouts: CommittedVersions<CheckoutRecord>;
  clock: () => Date;
}

export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The NOTIFY channel on which orders' handlers announce checkouts and saved addresses as they arrive. */
export const ORDERS_ARRIVALS_CHANNEL = 'orders_arrivals';
