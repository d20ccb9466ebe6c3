import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../../platform/database.js';
import type { Logger } from '../../../platform/logger.js';
import { fireDueTimeouts } from '../use-cases/fire-timeouts.js';
import type { OrdersDeps } from '../use-cases/scope.js';
import { runPeriodically } from '../../../platform/jobs.js';

/**
 * Fires the saga's durable timeouts (confirmation: ON_HOLD; return window: CLOSED) when due by
 * the database clock. Every replica polls; a timeout one is firing is skipped by the others.
 */
export function startSagaTimeouts(options: { orm: Orm; deps: Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>; everyMs: number; log: Logger }) {
  return runPeriodically('saga timeout poll', options.everyMs, () => fireDueTimeouts(options.orm.em.fork() as EntityManager, options.deps, options.log), options.log);
}
