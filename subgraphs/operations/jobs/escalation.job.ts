import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../../platform/database.js';
import type { Logger } from '../../../platform/logger.js';
import { runPeriodically } from '../../../platform/periodic.js';
import { escalateOverdueAlerts } from '../use-cases/escalate-overdue.js';
import type { OperationsDeps } from '../use-cases/scope.js';

/** Polls for alerts past their review target every `everyMs` (durable: the state is the alert rows). */
export function startAlertEscalation(options: { orm: Orm; deps: OperationsDeps; everyMs: number; log: Logger }) {
  return runPeriodically(
    'alert escalation poll',
    options.everyMs,
    async () => {
      const escalated = await escalateOverdueAlerts(options.orm.em.fork() as EntityManager, options.deps);
      if (escalated) options.log.warn({ escalated }, 'alerts escalated: still OPEN past their review target');
    },
    options.log,
  );
}
