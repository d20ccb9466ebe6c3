import client from 'prom-client';

/**
 * SPEC §11 automated refunds: from the refund request reaching payments to the refund completed
 * (through the provider, or by hand after an escalation). One per process, on its /metrics.
 */
export const refundCompletion = new client.Histogram({
  name: 'payments_refund_completion_seconds',
  help: 'Time from a refund request to the refund completed (SPEC §11: 95 % within 5 min)',
  labelNames: ['settled'] as const,
  buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
  registers: [],
});

export function registerPaymentsMetrics(registry: client.Registry): void {
  registry.registerMetric(refundCompletion);
}
