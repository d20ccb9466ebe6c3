import client from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';

/** One registry per process, exposed on /metrics. */
export function createMetrics(service: string) {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service });
  client.collectDefaultMetrics({ register: registry });
  const operations = new client.Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, operations };
}
export type Metrics = ReturnType<typeof createMetrics>;

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = metrics.operations.startTimer();
      return {
        async willSendResponse({ operation, operationName, errors }) {
          end({ operation: operationName ?? 'anonymous', type: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
