import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';
import type { AddressVerification } from '../../../platform/address-verification/verification-policy.js';
import type { Logger } from '../../../platform/logger.js';
import type { SagaPolicy } from '../domain/saga/types.js';

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
  saga: SagaPolicy;
  clock: () => Date;
}

export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Polls `probe` every `everyMs` until it answers or `waitMs` passed (then null). */
export async function waitFor<T>(probe: () => Promise<T | null>, waitMs: number, everyMs = 100): Promise<T | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = await probe();
    if (found !== null || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, Math.min(everyMs, Math.max(0, deadline - Date.now()))));
  }
}
