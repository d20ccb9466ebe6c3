import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, TokenIssuer } from '../../../platform/auth.js';
import type { Logger } from '../../../platform/logger.js';
import type { PasswordHasher } from '../adapters/passwords/password-hasher.js';
import type { AddressVerification } from '../../../platform/address-verification/verification-policy.js';
import type { ThrottlePolicy } from '../domain/login-throttle.js';
import type { Loaders } from '../loaders.js';

/** The context's collaborators, built once in `subgraph.ts` and shared by every request. */
export interface CustomersDeps {
  tokens: TokenIssuer;
  passwords: PasswordHasher;
  addressVerification: AddressVerification;
  loginPolicy: ThrottlePolicy;
  /** Where the e-mailed reset link points, and how long it works. */
  passwordReset: { urlBase: string; ttlMs: number };
  /** EVENT_NAMESPACE: prefixes the subjects events are recorded under. */
  eventNamespace: string;
}

/** What a use case runs with: the request's caller, its EntityManager fork and loaders. */
export interface UseCaseContext {
  caller: Caller;
  /** The client's address as the gateway saw it; absent only off the gateway path. */
  clientAddress?: string;
  log: Logger;
  em: EntityManager;
  loaders: Loaders;
  deps: CustomersDeps;
}
