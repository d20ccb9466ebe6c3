import client from 'prom-client';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../platform/database.js';
import { ALERT_KINDS } from './domain/alert-lifecycle.js';
import { AlertRepository } from './store/alert.repository.js';
import { DeadLetterCopyRepository } from './store/dead-letter-copy.repository.js';

/**
 * Operations' gauges on /metrics, read from its tables at scrape time (every replica reports the
 * same numbers: alert on max(), not sum()), and the escalations this process made.
 */
export function createOperationsMetrics(orm: Orm) {
  const escalations = new client.Counter({ name: 'operations_alerts_escalated_total', help: 'Alerts escalated by this process: still OPEN past their review target', labelNames: ['kind'] as const, registers: [] });
  return {
    counters: { escalated: (kind: string) => escalations.inc({ kind }) },
    register(registry: client.Registry) {
      registry.registerMetric(escalations);
      new client.Gauge({
        name: 'operations_open_alerts',
        help: 'Alerts not RESOLVED, by kind',
        labelNames: ['kind'] as const,
        registers: [registry],
        async collect() {
          const counts = await new AlertRepository(orm.em.fork() as EntityManager).openCounts();
          for (const kind of ALERT_KINDS) this.set({ kind }, counts.find((c) => c.kind === kind)?.open ?? 0);
        },
      });
      new client.Gauge({
        name: 'operations_overdue_alerts',
        help: 'Alerts not RESOLVED and past their review target (escalated), by kind',
        labelNames: ['kind'] as const,
        registers: [registry],
        async collect() {
          const counts = await new AlertRepository(orm.em.fork() as EntityManager).openCounts();
          for (const kind of ALERT_KINDS) this.set({ kind }, counts.find((c) => c.kind === kind)?.escalated ?? 0);
        },
      });
      new client.Gauge({
        name: 'operations_dead_letters_pending',
        help: 'Dead letters not replayed, by the context that owns them',
        labelNames: ['context'] as const,
        registers: [registry],
        async collect() {
          this.reset();
          for (const { context, pending } of await new DeadLetterCopyRepository(orm.em.fork() as EntityManager).pendingCounts()) this.set({ context }, pending);
        },
      });
    },
  };
}
