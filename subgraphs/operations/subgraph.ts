import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { alertHandlers } from './handlers/alert.handlers.js';
import { deadLetterHandlers } from './handlers/dead-letter.handlers.js';
import { startAlertEscalation } from './jobs/escalation.job.js';
import { createOperationsMetrics } from './metrics.js';
import { createResolvers } from './resolvers/index.js';
import { AlertEntity } from './store/alert.entity.js';
import { DeadLetterCopyEntity } from './store/dead-letter-copy.entity.js';
import { Migration0001Operations } from './store/migrations/0001-operations.js';
import { createOperationsUseCases, type OperationsDeps } from './use-cases/index.js';

/**
 * The operations subgraph (SPEC §10): integration events become alerts for staff (one open per
 * subject, resolved when their cause goes away, ON_HOLD ones escalated past their review target),
 * and every context's dead letters are listed and replayed from here. Wired by hand.
 */
export const operationsSubgraph: SubgraphSpec<Context> = {
  name: 'operations',
  schemaFile: 'subgraphs/operations/schema.graphql',
  entities: [AlertEntity, DeadLetterCopyEntity],
  migrations: [{ name: '0001-operations', class: Migration0001Operations }],
  build({ config, orm, log }) {
    const metrics = createOperationsMetrics(orm);
    const deps: OperationsDeps = {
      eventNamespace: config.nats.namespace,
      onHoldReviewTargetMs: config.operations.onHoldReviewTargetMs,
      counters: metrics.counters,
    };
    return {
      resolvers: createResolvers(createOperationsUseCases(deps)),
      createContext: (base) => ({ ...base, em: forkEm(orm) }),
      handlers: [...alertHandlers(deps), ...deadLetterHandlers(deps)],
      jobs: [() => startAlertEscalation({ orm, deps, everyMs: config.operations.escalationPollMs, log: log.child({ component: 'alert-escalation' }) })],
      registerMetrics: (registry) => metrics.register(registry),
    };
  },
};
