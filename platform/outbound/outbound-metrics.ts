import client from 'prom-client';
import type { OutboundClients } from './outbound-clients.js';
import type { BreakerState } from './outbound-policy.js';

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** Breakers and call outcomes of the process's outbound clients on /metrics, read at scrape time. */
export function registerOutboundMetrics(registry: client.Registry, clients: OutboundClients): void {
  const registers = [registry];
  new client.Gauge({
    name: 'outbound_circuit_state',
    help: 'Circuit breaker of each outbound client: 0 closed, 1 half-open, 2 open',
    labelNames: ['client'] as const,
    registers,
    collect() {
      this.reset();
      for (const policy of clients.list()) this.set({ client: policy.name }, STATE_VALUE[policy.state]);
    },
  });
  new client.Counter({
    name: 'outbound_calls_total',
    help: 'Outbound calls by client and outcome (refused = the provider said no; failure = it failed; short_circuited / bulkhead_rejected = not attempted)',
    labelNames: ['client', 'outcome'] as const,
    registers,
    collect() {
      this.reset();
      for (const policy of clients.list()) {
        for (const [outcome, count] of Object.entries(policy.stats().calls)) this.inc({ client: policy.name, outcome }, count);
      }
    },
  });
  new client.Counter({
    name: 'outbound_retries_total',
    help: 'HTTP-level retries of idempotent outbound calls',
    labelNames: ['client'] as const,
    registers,
    collect() {
      this.reset();
      for (const policy of clients.list()) this.inc({ client: policy.name }, policy.stats().retries);
    },
  });
  new client.Counter({
    name: 'outbound_circuit_opened_total',
    help: 'Times each outbound client\'s circuit breaker opened',
    labelNames: ['client'] as const,
    registers,
    collect() {
      this.reset();
      for (const policy of clients.list()) this.inc({ client: policy.name }, policy.stats().breakerOpened);
    },
  });
}
