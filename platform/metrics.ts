import client from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { HandlerStats } from '../events/delivery.js';
import type { OutboxRelayStats } from '../events/relay.js';
import { installSqlCounter, sqlCounts } from './sql-counter.js';

/** One registry per process, exposed on /metrics. */
export function createMetrics(service: string) {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service });
  // The event-loop lag histogram samples on a timer; prom-client's default (10 ms) wakes an idle
  // process 100 times a second, ~4 ms of CPU a second in each of the twelve processes. A block of
  // the loop still shows in full at 100 ms: it delays the pending tick by as long as it lasts.
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  const operations = new client.Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerSqlMetrics(registry);
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

/**
 * The SQL this process has sent (platform/sql-counter.ts), installed here because every process —
 * each subgraph and the gateway — builds its /metrics registry with createMetrics. Process-wide:
 * several subgraphs in one process (tests, the dev launcher) each report the process's total.
 */
function registerSqlMetrics(registry: client.Registry): void {
  installSqlCounter();
  new client.Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to PostgreSQL by this process (every pg query call, BEGIN/COMMIT included)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlCounts().statements);
    },
  });
  new client.Counter({
    name: 'db_round_trips_total',
    help: 'Round trips to PostgreSQL by this process: simple-protocol Query messages and extended-protocol Syncs sent, each answered by one ReadyForQuery',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlCounts().roundTrips);
    },
  });
  new client.Counter({
    name: 'db_transactions_total',
    help: 'Transactions by how they ended as sent: commit/rollback of an explicit BEGIN, autocommit = a statement outside one (its own transaction)',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const now = sqlCounts();
      this.inc({ outcome: 'commit' }, now.commits);
      this.inc({ outcome: 'rollback' }, now.rollbacks);
      this.inc({ outcome: 'autocommit' }, now.autocommits);
    },
  });
}

/** Where the messaging counters come from: the process's outbox relay and its consumers. */
export interface MessagingSources {
  context: string;
  relay: { stats(): OutboxRelayStats; isActive(): boolean };
  consumers?: { stats(): Record<string, HandlerStats> };
}

/**
 * The messaging kit's counters on /metrics, read from the relay and consumers at scrape time
 * (since process start): what was published, what JetStream dropped as duplicates, what was
 * re-sent after broker data loss, and per handler what the inbox absorbed and what was retried.
 */
export function registerMessagingMetrics(registry: client.Registry, sources: MessagingSources): void {
  const registers = [registry];
  const labels = { context: sources.context };
  const relayCounter = (name: string, help: string, read: (s: OutboxRelayStats) => number) =>
    new client.Counter({
      name,
      help,
      labelNames: ['context'] as const,
      registers,
      collect() {
        this.reset();
        this.inc(labels, read(sources.relay.stats()));
      },
    });
  relayCounter('outbox_relay_published_total', 'Outbox rows published to JetStream', (s) => s.published);
  relayCounter('outbox_relay_duplicates_total', 'Re-published outbox rows JetStream dropped as duplicates (same msgID inside the duplicate window)', (s) => s.duplicates);
  relayCounter('outbox_relay_redriven_total', 'Published outbox rows sent again because the stream had lost them', (s) => s.redriven);
  relayCounter('outbox_relay_errors_total', 'Failed relay publishes and reconnects', (s) => s.errors);
  new client.Gauge({
    name: 'outbox_relay_active',
    help: '1 while this replica holds the context\'s relay lock',
    labelNames: ['context'] as const,
    registers,
    collect() {
      this.set(labels, sources.relay.isActive() ? 1 : 0);
    },
  });

  const consumers = sources.consumers;
  if (!consumers) return;
  const outcomes = { processed: 'processed', duplicates: 'duplicate', retried: 'retried', deadLettered: 'dead_lettered', poison: 'poison', ignored: 'ignored' } as const;
  new client.Counter({
    name: 'event_handler_deliveries_total',
    help: 'Deliveries per handler by outcome (duplicate = a redelivery the inbox absorbed; ignored = not relevant to the handler, acked without a transaction)',
    labelNames: ['handler', 'outcome'] as const,
    registers,
    collect() {
      this.reset();
      for (const [handler, stats] of Object.entries(consumers.stats())) {
        for (const [key, outcome] of Object.entries(outcomes)) this.inc({ handler, outcome }, stats[key as keyof typeof outcomes]);
      }
    },
  });
  new client.Counter({
    name: 'event_handler_batches_total',
    help: 'Transactions that handled several waiting deliveries at once, by outcome (committed; split = rolled back and handled one by one)',
    labelNames: ['handler', 'outcome'] as const,
    registers,
    collect() {
      this.reset();
      for (const [handler, stats] of Object.entries(consumers.stats())) {
        this.inc({ handler, outcome: 'committed' }, stats.batches);
        this.inc({ handler, outcome: 'split' }, stats.batchesSplit);
      }
    },
  });
  new client.Counter({
    name: 'event_handler_redeliveries_total',
    help: 'Deliveries with a delivery count above 1 (nak, ack timeout, broker restart)',
    labelNames: ['handler'] as const,
    registers,
    collect() {
      this.reset();
      for (const [handler, stats] of Object.entries(consumers.stats())) this.inc({ handler }, stats.redelivered);
    },
  });
}
