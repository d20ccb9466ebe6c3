import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';
import { badInput, type DomainError } from '../../../platform/errors.js';
import type { FieldErrors } from '../domain/stock-adjustment.js';

/** What a request's use case needs: who is calling and the request's EntityManager fork. */
export interface InventoryScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface InventoryDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  /** How long an uncommitted reservation holds its units. */
  reservationTtlMs: number;
}

/** The message a use case acts on behalf of (an integration event), for the envelopes it records. */
export interface Cause {
  /** The id of the request's envelope; null for the clock (expiry) and the seed. */
  causationId: string | null;
  /** The customer the request's envelope names, if any (kept on the answers' envelopes). */
  customerId?: string | null;
}

/** Movement-log actor for everything not done by a person. */
export const SYSTEM_ACTOR = 'system';

/** One BAD_USER_INPUT naming every invalid field. */
export function invalidInput(errors: FieldErrors): DomainError {
  const summary = Object.entries(errors)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
  return badInput(`Invalid input: ${summary}`, errors);
}
