import type { Orm } from '../../../platform/database.js';
import { runPeriodically, type PeriodicJob } from '../../../platform/jobs.js';
import type { Logger } from '../../../platform/logger.js';
import { forkEm } from '../../../platform/subgraph-runtime.js';
import type { DeliverySimulator } from '../carrier/carrier-adapter.js';
import { simulateDeliveries } from '../use-cases/simulate-deliveries.js';

/**
 * Drives the stub carrier's delivery simulation (CARRIER_SIMULATION): polls for dispatched parcels
 * due for their next attempt, at most every `stepMs` and at least every 5 s. Safe on every replica.
 */
export function startCarrierSimulation(options: { orm: Orm; eventNamespace: string; simulator: DeliverySimulator; stepMs: number; log: Logger }): PeriodicJob {
  return runPeriodically(
    'delivery simulation',
    Math.min(options.stepMs, 5_000),
    async () => {
      const outcomes = await simulateDeliveries({ eventNamespace: options.eventNamespace }, forkEm(options.orm), options.simulator, { stepMs: options.stepMs });
      if (outcomes.length) options.log.info({ outcomes }, 'simulated delivery attempts');
    },
    options.log,
  );
}
