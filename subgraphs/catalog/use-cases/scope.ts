import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';
import { badInput, type DomainError } from '../../../platform/errors.js';
import type { FieldErrors } from '../domain/validation.js';

/** What a use case needs from the request: who is calling and the request's EntityManager fork. */
export interface CatalogScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface CatalogDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
}

/** One BAD_USER_INPUT naming every invalid field. */
export function invalidInput(errors: FieldErrors): DomainError {
  const summary = Object.entries(errors)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
  return badInput(`Invalid input: ${summary}`, errors);
}
