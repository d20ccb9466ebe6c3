import type { Orm } from '../../../platform/database.js';
import { runPeriodically, type PeriodicJob } from '../../../platform/jobs.js';
import type { Logger } from '../../../platform/logger.js';
import { expireDueReservations } from '../use-cases/expire-reservations.js';
import type { InventoryDeps } from '../use-cases/scope.js';

/**
 * The 30-minute expiry as a durable job: the deadline is a column of the reservation row (set by
 * the database clock when reserving), so nothing is lost on restart; this poller, in every
 * replica, claims due rows with SKIP LOCKED every `pollMs`.
 */
export function startReservationExpiry(options: { orm: Orm; deps: InventoryDeps; pollMs: number; log: Logger }): PeriodicJob {
  const { orm, deps, pollMs, log } = options;
  return runPeriodically(
    'reservation expiry',
    pollMs,
    async () => {
      const expired = await expireDueReservations(deps, orm);
      if (expired) log.info({ expired }, 'reservations expired');
    },
    log,
    { runAtStart: true },
  );
}
